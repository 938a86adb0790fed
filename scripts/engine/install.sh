#!/usr/bin/env bash
# Install a modern Docker engine on Debian 12 without any container registry:
#   1. bookworm's docker.io (engine 20.10) + containerd, runc, tini, iptables, debootstrap via apt;
#   2. upgrade to trixie's docker.io (26.x) and docker-buildx (0.13.x): only those two .deb files are
#      fetched with a private apt configuration (trixie is never added to the global sources).
# Idempotent: every step is skipped when the installed versions already satisfy it.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
need_root

MIN_ENGINE=26      # docker.io from trixie is 26.1.x
MIN_BUILDX=0.13
BASE_PKGS=(docker.io containerd runc tini iptables debootstrap ca-certificates)
export DEBIAN_FRONTEND=noninteractive

engine_ok() { version_ge "$(pkg_version docker.io)" "$MIN_ENGINE~"; }
buildx_ok() { version_ge "$(pkg_version docker-buildx)" "$MIN_BUILDX~"; }

# --- 1. bookworm packages ------------------------------------------------------------------
missing=()
for p in "${BASE_PKGS[@]}"; do
  [ -n "$(pkg_version "$p")" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  # docker.io already upgraded from trixie must not be "re-installed" from bookworm (downgrade)
  if engine_ok; then
    tmp=(); for p in "${missing[@]}"; do [ "$p" = docker.io ] || tmp+=("$p"); done; missing=("${tmp[@]}")
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  apt-get update -q >/dev/null || die "apt-get update failed (is the Debian mirror reachable?)"
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
else
  log "apt: ${BASE_PKGS[*]} already installed"
fi

# --- 2. trixie docker.io + docker-buildx ------------------------------------------------------
if engine_ok && buildx_ok; then
  log "engine: docker.io $(pkg_version docker.io), docker-buildx $(pkg_version docker-buildx) already installed"
  exit 0
fi

mirror=$(debian_mirror)
arch=$(dpkg --print-architecture)
work=$(mktemp -d /tmp/dockeropt-trixie.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/parts" "$work/debs"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring missing (package debian-archive-keyring)"
echo "deb [signed-by=$keyring] $mirror trixie main" >"$work/sources.list"
aptopts=(
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=$work/parts"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache::archives=$work/archives"
  -o "Dir::Cache::pkgcache=$work/pkgcache.bin"
  -o "Dir::Cache::srcpkgcache=$work/srcpkgcache.bin"
  -o "APT::Architectures::=$arch"
  -o "Acquire::Languages=none"
  -o "Debug::NoLocking=1"
)
log "trixie: fetching docker.io + docker-buildx from $mirror (private apt config in $work)"
apt-get "${aptopts[@]}" update -q >"$work/update.log" 2>&1 \
  || { cat "$work/update.log" >&2; die "private apt-get update for trixie failed"; }
(cd "$work/debs" && apt-get "${aptopts[@]}" download docker.io docker-buildx) >"$work/download.log" 2>&1 \
  || { cat "$work/download.log" >&2; die "apt-get download docker.io docker-buildx (trixie) failed"; }
ls "$work"/debs/*.deb >&2

# A running 20.10 dockerd would keep old binaries in memory: stop it first (only if we started it).
if [ -f /var/run/docker.pid ] && kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
  log "stopping running dockerd (pid $(cat /var/run/docker.pid)) before the upgrade"
  kill "$(cat /var/run/docker.pid)"
  for _ in $(seq 30); do kill -0 "$(cat /var/run/docker.pid 2>/dev/null)" 2>/dev/null || break; sleep 1; done
fi

log "dpkg -i $(cd "$work/debs" && echo *.deb)"
dpkg -i "$work"/debs/*.deb >"$work/dpkg.log" 2>&1 \
  || { cat "$work/dpkg.log" >&2; die "dpkg -i of the trixie docker.io/docker-buildx failed (dependencies? see above)"; }
engine_ok && buildx_ok || die "after dpkg -i: docker.io=$(pkg_version docker.io) docker-buildx=$(pkg_version docker-buildx)"
log "engine: docker.io $(pkg_version docker.io), docker-buildx $(pkg_version docker-buildx)"
