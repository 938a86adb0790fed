#!/usr/bin/env bash
# Bring this machine to a running modern Docker engine with offline stand-in base images:
#   install.sh (packages) -> start.sh (dockerd + buildx check) -> base-images.sh (stand-ins)
#   -> podman.sh (podman with the stand-ins) -> remote.sh (a second dockerd as the "remote" engine).
# Works from a brand-new Debian 12 machine; takes seconds when everything is already in place.
# Usage: bash scripts/engine/setup.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

now_ms() { date +%s%3N; }
fmt_s() { printf '%d.%d' $(( $1 / 1000 )) $(( ($1 % 1000) / 100 )); }
total0=$(now_ms)
declare -a summary=()
phase() {  # name script
  local name=$1 script=$2 t0 t1 rc=0
  t0=$(now_ms)
  printf '[engine] === %s ===\n' "$name" >&2
  bash "$HERE/$script" || rc=$?
  t1=$(now_ms)
  summary+=("$(printf '%-12s %8ss' "$name" "$(fmt_s $(( t1 - t0 )))")")
  if [ "$rc" -ne 0 ]; then
    printf '[engine] FAILED in phase "%s" (scripts/engine/%s exited %d); see the messages above.\n' "$name" "$script" "$rc" >&2
    printf '[engine]   %s\n' "${summary[@]}" >&2
    exit "$rc"
  fi
}

phase install     install.sh
phase start       start.sh
phase base-images base-images.sh
phase podman      podman.sh
phase remote      remote.sh

printf '[engine] timings:\n' >&2
printf '[engine]   %s\n' "${summary[@]}" >&2
printf '[engine]   %-12s %8ss\n' total "$(fmt_s $(( $(now_ms) - total0 )))" >&2
printf '[engine] ready: %s, buildx %s\n' \
  "$(docker version --format 'engine {{.Server.Version}}')" \
  "$(docker buildx version | awk '{print $2}')" >&2
