#!/usr/bin/env bash
# Start dockerd without systemd (if `docker info` does not already answer), wait until it answers,
# and check that `docker build` goes through BuildKit via the buildx plugin.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
need_root

WAIT_SECONDS=${DOCKEROPT_DOCKERD_WAIT:-60}
LOG=/var/log/dockerd.log

command -v dockerd >/dev/null || die "dockerd not installed: run scripts/engine/install.sh first"

if docker_up; then
  log "dockerd already answers"
else
  # A stale pid file from a killed daemon makes dockerd refuse to start.
  if [ -f /var/run/docker.pid ]; then
    pid=$(cat /var/run/docker.pid 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      log "dockerd (pid $pid) is running but does not answer yet; waiting for it"
    else
      log "removing stale /var/run/docker.pid"
      rm -f /var/run/docker.pid
    fi
  fi
  if [ -f /var/run/docker.pid ]; then
    dpid=$(cat /var/run/docker.pid)
  else
    log "starting dockerd (log: $LOG)"
    setsid dockerd >>"$LOG" 2>&1 </dev/null &
    dpid=$!
  fi
  start=$SECONDS
  until docker_up; do
    if (( SECONDS - start >= WAIT_SECONDS )); then
      tail -n 30 "$LOG" >&2 || true
      die "dockerd did not answer 'docker info' within ${WAIT_SECONDS}s (last lines of $LOG above)"
    fi
    if ! kill -0 "$dpid" 2>/dev/null; then
      tail -n 30 "$LOG" >&2 || true
      die "dockerd exited during start-up (last lines of $LOG above)"
    fi
    sleep 1
  done
  log "dockerd answers after $(( SECONDS - start ))s"
fi

server=$(docker version --format '{{.Server.Version}}' 2>/dev/null || true)
[ -n "$server" ] || die "docker version shows no server"
case "$server" in
  1[0-9].*|20.*|21.*|22.*) die "engine $server is too old for heredocs/COPY --link (want >= 26, run install.sh)";;
esac
bx=$(docker buildx version 2>&1) || die "'docker buildx version' fails: $bx (package docker-buildx missing? the client looks in /usr/libexec/docker/cli-plugins)"
log "engine $server, $bx, storage driver $(docker info --format '{{.Driver}}')"
