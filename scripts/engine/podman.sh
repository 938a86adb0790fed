#!/usr/bin/env bash
# podman as a second kind of engine for verify's tests: Debian's podman (bookworm: 4.3), rootful, with
# the stand-in base images copied from the Docker engine (`docker save | podman load`; the image IDs
# stay the same, so a copy is skipped when podman already has that ID under that tag).
#
# Why the ulimits file: rootful podman gives every container RLIMIT_NOFILE 1048576 and RLIMIT_NPROC
# 4194304 by default, and this machine's sandbox lacks CAP_SYS_RESOURCE, so runc fails with "error
# setting rlimit type 7: operation not permitted". Docker passes its own limits through and is not
# affected. The defaults below stay within what runc may set here (nproc: 32768 works, 65536 fails).
#
# Usage: bash scripts/engine/podman.sh   (idempotent; seconds when everything is in place)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
need_root
export DEBIAN_FRONTEND=noninteractive

if [ -z "$(pkg_version podman)" ]; then
  log "apt: installing podman"
  apt-get update -q >/dev/null || die "apt-get update failed (is the Debian mirror reachable?)"
  apt-get install -y -q --no-install-recommends podman >/dev/null || die "apt-get install podman failed"
fi

conf_dir=/etc/containers/containers.conf.d
conf="$conf_dir/50-dockeropt-ulimits.conf"
nofile=$(ulimit -Hn)
[ "$nofile" = unlimited ] && nofile=65536
want=$(printf '# written by dockeropt scripts/engine/podman.sh (see its comment)\n[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=32768:32768"]\n' "$nofile" "$nofile")
if [ "$(cat "$conf" 2>/dev/null)" != "$want" ]; then
  mkdir -p "$conf_dir"
  printf '%s\n' "$want" >"$conf"
  log "wrote $conf"
fi

# shellcheck source=standin-images.sh
. "$HERE/standin-images.sh"
missing=()
for tag in "${STANDIN_TAGS[@]}"; do
  want_id=$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null) || die "stand-in $tag missing in the Docker engine"
  have_id=$(podman image inspect --format '{{.Id}}' "docker.io/library/$tag" 2>/dev/null \
    || podman image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)
  [ "sha256:${have_id#sha256:}" = "$want_id" ] || missing+=("$tag")
done
if [ ${#missing[@]} -gt 0 ]; then
  t0=$SECONDS
  docker save "${missing[@]}" | podman load --quiet >/dev/null
  log "copied ${#missing[@]} stand-in image(s) into podman in $(( SECONDS - t0 ))s: ${missing[*]}"
else
  log "podman has every stand-in image"
fi

out=$(podman run --rm debian:bookworm-slim sh -c 'echo ok' 2>&1) \
  || die "podman cannot run a container: $out"
log "podman ready: $(podman version --format '{{.Client.Version}}'), $(podman info --format '{{.Host.OCIRuntime.Name}} {{.Store.GraphDriverName}}')"
