#!/usr/bin/env bash
# Recipe for the debian:bookworm and debian:bookworm-slim stand-ins (called by ../../base-images.sh).
#   mkrootfs.sh WORKDIR MIRROR [SECURITY_MIRROR]
# Leaves WORKDIR/bookworm.tar (full) and WORKDIR/bookworm-slim.tar (docs/man/locales stripped,
# dpkg configured to keep them out, like the official slim image), ready for `docker import`.
set -euo pipefail
work=$1 mirror=$2 security=${3:-}
rootfs=$work/rootfs
rm -rf "$rootfs"; mkdir -p "$rootfs"

debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 40 "$work/debootstrap.log" >&2; echo "debootstrap failed" >&2; exit 1; }

# apt sources: the same mirror as the host (plain http works from inside containers)
rm -f "$rootfs/etc/apt/sources.list"
{
  printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror"
  if [ -n "$security" ]; then
    printf '\nTypes: deb\nURIs: %s\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$security"
  fi
} >"$rootfs/etc/apt/sources.list.d/debian.sources"

# apt behaviour of the official Debian images (debuerreotype): no package caches, no translations,
# compressed indexes, suggests are not kept alive.
cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
echo 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
echo 'Acquire::GzipIndexes "true";' >"$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$rootfs/etc/apt/apt.conf.d/docker-autoremove-suggests"

# runtime state that must not be baked into an image
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/archives/partial/* \
       "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* \
       "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/var/cache/debconf/*-old \
       "$rootfs"/var/lib/dpkg/*-old "$rootfs"/etc/hostname "$rootfs"/etc/resolv.conf
mkdir -p "$rootfs/var/lib/apt/lists/partial"
: >"$rootfs/etc/machine-id" 2>/dev/null || true

tar --numeric-owner --xattrs -C "$rootfs" -cf "$work/bookworm.tar" .

# slim: strip and keep stripping on later installs
cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'CONF'
# This is the "slim" variant of the Debian base image (dockeropt stand-in, same rules as the official one).
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/all_languages
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
CONF
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name all_languages -not -name locale.alias -exec rm -rf {} +
rm -rf "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/groff/* \
       "$rootfs"/usr/share/linda/* "$rootfs"/usr/share/lintian/overrides/*
tar --numeric-owner --xattrs -C "$rootfs" -cf "$work/bookworm-slim.tar" .
rm -rf "$rootfs"
