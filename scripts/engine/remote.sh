#!/usr/bin/env bash
# A second Docker daemon on this machine that plays the "remote engine" for verify's tests: its own
# --data-root, --exec-root, --pidfile, unix socket and bridge, reached only through DOCKER_HOST or the
# Docker context `dockeropt-remote`, which buildx also lists as a builder (docker driver) of that
# name. The stand-in base images are copied into it with `docker save | docker load`.
#
# Why this shape (measured, ../shared/ENVIRONMENT.md): a second dockerd started with --bridge=none
# deletes the first daemon's docker0, so it gets a bridge of its own and --iptables=false, so it never
# touches the first daemon's rules. The few rules it needs for outbound traffic (NAT for its subnet and
# FORWARD accepts for its bridge) are added here, once, tagged with a comment so they can be found.
#
# Usage: bash scripts/engine/remote.sh            (idempotent; seconds when everything is in place)
#        bash scripts/engine/remote.sh --stop     (stops the second daemon; keeps its data)
# Environment: DOCKEROPT_REMOTE_SOCKET, DOCKEROPT_REMOTE_ROOT, DOCKEROPT_REMOTE_SUBNET (a free /24).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
need_root

SOCKET=${DOCKEROPT_REMOTE_SOCKET:-/var/run/dockeropt-remote.sock}
ROOT=${DOCKEROPT_REMOTE_ROOT:-/var/lib/dockeropt-remote}
EXEC_ROOT=/var/run/dockeropt-remote
PIDFILE=/var/run/dockeropt-remote.pid
LOG=/var/log/dockeropt-remote.log
BRIDGE=dockeropt-br1
SUBNET=${DOCKEROPT_REMOTE_SUBNET:-10.213.7.0/24}
GATEWAY="${SUBNET%.*}.1/${SUBNET#*/}"
CONTEXT=dockeropt-remote
BUILDER=$CONTEXT
WAIT_SECONDS=${DOCKEROPT_DOCKERD_WAIT:-60}
RULE_TAG=dockeropt-remote

remote() { DOCKER_HOST="unix://$SOCKET" docker "$@"; }
remote_up() { timeout 10 env DOCKER_HOST="unix://$SOCKET" docker info >/dev/null 2>&1; }

if [ "${1:-}" = --stop ]; then
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    kill "$(cat "$PIDFILE")"; log "stopped the second dockerd"
  fi
  exit 0
fi

docker_up || die "the first dockerd does not answer: run scripts/engine/setup.sh first"

# --- bridge ----------------------------------------------------------------------------------
if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
  if ip -4 route | awk '{print $1}' | grep -qxF "$SUBNET"; then
    die "subnet $SUBNET is already routed on this machine: set DOCKEROPT_REMOTE_SUBNET to a free /24"
  fi
  ip link add name "$BRIDGE" type bridge
  ip addr add "$GATEWAY" dev "$BRIDGE"
  log "created bridge $BRIDGE ($GATEWAY)"
fi
ip link set "$BRIDGE" up

# --- outbound traffic for its containers (package registries), without touching docker's rules ----
add_rule() {  # table chain rule...
  local table=$1 chain=$2; shift 2
  iptables -t "$table" -C "$chain" "$@" -m comment --comment "$RULE_TAG" 2>/dev/null \
    || iptables -t "$table" -I "$chain" "$@" -m comment --comment "$RULE_TAG"
}
if command -v iptables >/dev/null; then
  add_rule nat POSTROUTING -s "$SUBNET" ! -o "$BRIDGE" -j MASQUERADE
  add_rule filter FORWARD -i "$BRIDGE" -j ACCEPT
  add_rule filter FORWARD -o "$BRIDGE" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
fi

# --- the daemon ---------------------------------------------------------------------------------
if remote_up; then
  log "second dockerd already answers on $SOCKET"
else
  if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then rm -f "$PIDFILE"; fi
  mkdir -p "$ROOT" "$EXEC_ROOT"
  log "starting the second dockerd on $SOCKET (log: $LOG)"
  setsid dockerd --data-root "$ROOT" --exec-root "$EXEC_ROOT" --pidfile "$PIDFILE" \
    -H "unix://$SOCKET" -b "$BRIDGE" --iptables=false --ip6tables=false \
    >>"$LOG" 2>&1 </dev/null &
  dpid=$!
  start=$SECONDS
  until remote_up; do
    if (( SECONDS - start >= WAIT_SECONDS )) || ! kill -0 "$dpid" 2>/dev/null; then
      tail -n 30 "$LOG" >&2 || true
      die "the second dockerd did not answer within ${WAIT_SECONDS}s (last lines of $LOG above)"
    fi
    sleep 1
  done
  log "second dockerd answers after $(( SECONDS - start ))s"
fi

# --- context and builder ------------------------------------------------------------------------
if ! docker context inspect "$CONTEXT" >/dev/null 2>&1; then
  docker context create "$CONTEXT" --description "dockeropt: second local dockerd (remote-engine tests)" \
    --docker "host=unix://$SOCKET" >/dev/null
  log "created docker context $CONTEXT"
fi
# buildx lists every Docker context as a builder of the `docker` driver under the context's name;
# `docker buildx create --driver docker` refuses ("additional instances of driver docker cannot be
# created", buildx 0.13), so the builder for this engine is the context's own: --builder dockeropt-remote.
docker buildx inspect "$BUILDER" >/dev/null 2>&1 \
  || die "buildx shows no builder $BUILDER for context $CONTEXT ('docker buildx ls')"

# --- stand-in base images: same image IDs as in the first engine ----------------------------------
# shellcheck source=standin-images.sh
. "$HERE/standin-images.sh"
missing=()
for tag in "${STANDIN_TAGS[@]}"; do
  want=$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null) || die "stand-in $tag missing in the first engine"
  have=$(remote image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)
  [ "$want" = "$have" ] || missing+=("$tag")
done
if [ ${#missing[@]} -gt 0 ]; then
  t0=$SECONDS
  docker save "${missing[@]}" | remote load >/dev/null
  log "copied ${#missing[@]} stand-in image(s) into the second dockerd in $(( SECONDS - t0 ))s: ${missing[*]}"
else
  log "second dockerd has every stand-in image"
fi
log "remote engine ready: DOCKER_HOST=unix://$SOCKET, context $CONTEXT, builder $BUILDER"
