#!/usr/bin/env bash
# Build offline stand-ins for the official base images, tagged with the official names.
# Recipes live in standins/<dir>/ (Dockerfiles, plus mkrootfs.sh for the Debian root images).
# Every stand-in carries LABEL org.dockeropt.standin="true" and org.dockeropt.standin.recipe=<hash>;
# the hash covers the recipe files, the build context (e.g. the host CA bundle), the apt mirror and
# the parents' hashes. An image whose tag exists with the current hash is skipped, so a re-run takes
# seconds and any recipe change rebuilds exactly what depends on it.
#   DOCKEROPT_REBUILD=1  rebuild everything
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
need_root
docker_up || die "docker does not answer: run scripts/engine/start.sh first"

STANDINS=$HERE/standins
SERIES=1                     # bump to force a rebuild of all stand-ins
HOST_CA=/etc/ssl/certs/ca-certificates.crt
LABEL_KEY=org.dockeropt.standin.recipe
[ -s "$HOST_CA" ] || die "host CA bundle $HOST_CA missing"
MIRROR=$(debian_mirror)
SECURITY=$(debian_security_mirror)

# tag | recipe dir | extra tags (aliases of the same image, official names too)
IMAGES=(
  "debian:bookworm-slim|debian-bookworm|debian:12-slim"
  "debian:bookworm|debian-bookworm|debian:12"
  "buildpack-deps:bookworm|buildpack-deps-bookworm|"
  "python:3.12-slim|python-3.12-slim|python:3.12-slim-bookworm"
  "python:3.12|python-3.12|python:3.12-bookworm"
  "node:20-slim|node-20-slim|node:20-bookworm-slim"
  "node:20|node-20|node:20-bookworm"
  "golang:1.22|golang-1.22|golang:1.22-bookworm"
  "rust:1|rust-1|rust:1-bookworm"
  "gcr.io/distroless/static-debian12|distroless-static-debian12|gcr.io/distroless/static-debian12:latest"
  "gcr.io/distroless/static-debian12:nonroot|distroless-static-debian12-nonroot|"
  "gcr.io/distroless/cc-debian13|distroless-cc-debian13|gcr.io/distroless/cc-debian13:latest"
)

declare -A HASH=()           # tag -> recipe hash (for parents)
WORK=$(mktemp -d /tmp/dockeropt-standins.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

label_of() { docker image inspect -f "{{index .Config.Labels \"$LABEL_KEY\"}}" "$1" 2>/dev/null || true; }
id_of()    { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }

# Build context for a Dockerfile recipe: the recipe dir + host CA bundle when referenced.
make_context() {  # dir ctx
  mkdir -p "$2"; cp -a "$STANDINS/$1/." "$2/"
  if grep -q 'host-ca.crt' "$2/Dockerfile" 2>/dev/null; then cp "$HOST_CA" "$2/host-ca.crt"; fi
}

recipe_hash() {  # dir ctx -> hash over context files, FROM parents' hashes, series and mirror
  local dir=$1 ctx=$2 parents="" p
  if [ -f "$ctx/Dockerfile" ]; then
    for p in $(awk 'toupper($1)=="FROM" {print $2}' "$ctx/Dockerfile"); do
      case "$p" in *:*) ;; *) p="$p:latest";; esac
      [ -n "${HASH[$p]:-}" ] && parents+="$p=${HASH[$p]} "
    done
  fi
  { echo "series=$SERIES mirror=$MIRROR security=$SECURITY parents=$parents"
    (cd "$ctx" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -c1-16
}

ensure_aliases() {  # tag aliases...
  local tag=$1; shift; local id a
  id=$(id_of "$tag")
  for a in "$@"; do
    [ -n "$a" ] || continue
    [ "$(id_of "$a")" = "$id" ] || docker tag "$tag" "$a"
  done
}

import_debian() {  # hash : (re)build debian:bookworm + debian:bookworm-slim from one debootstrap run
  local hash=$1 w=$WORK/debian-rootfs t0=$SECONDS
  mkdir -p "$w"
  log "debootstrap bookworm from $MIRROR (debian:bookworm, debian:bookworm-slim)"
  bash "$STANDINS/debian-bookworm/mkrootfs.sh" "$w" "$MIRROR" "$SECURITY" || die "debian rootfs recipe failed"
  local changes=(
    --change 'CMD ["bash"]'
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
    --change 'LABEL org.dockeropt.standin="true"'
    --change "LABEL $LABEL_KEY=\"$hash\""
  )
  docker import "${changes[@]}" --change 'LABEL org.dockeropt.standin.of="debian:bookworm-slim"' \
    "$w/bookworm-slim.tar" debian:bookworm-slim >/dev/null || die "docker import debian:bookworm-slim failed"
  docker import "${changes[@]}" --change 'LABEL org.dockeropt.standin.of="debian:bookworm"' \
    "$w/bookworm.tar" debian:bookworm >/dev/null || die "docker import debian:bookworm failed"
  rm -rf "$w"
  log "built debian:bookworm, debian:bookworm-slim in $(( SECONDS - t0 ))s"
}

built=0 skipped=0
for entry in "${IMAGES[@]}"; do
  IFS='|' read -r tag dir aliases <<<"$entry"
  ctx=$WORK/ctx-$dir-$RANDOM
  if [ -f "$STANDINS/$dir/Dockerfile" ]; then make_context "$dir" "$ctx"; else mkdir -p "$ctx"; cp -a "$STANDINS/$dir/." "$ctx/"; fi
  hash=$(recipe_hash "$dir" "$ctx")
  HASH[$tag]=$hash
  case "$tag" in *:*) ;; *) HASH[$tag:latest]=$hash;; esac
  # shellcheck disable=SC2086
  if [ "${DOCKEROPT_REBUILD:-0}" != 1 ] && [ "$(label_of "$tag")" = "$hash" ]; then
    ensure_aliases "$tag" ${aliases//,/ }
    skipped=$((skipped + 1)); rm -rf "$ctx"; continue
  fi
  t0=$SECONDS
  if [ "$dir" = debian-bookworm ]; then
    import_debian "$hash"
    # the sibling tag is now current too; the loop will find its label and skip it
  else
    log "building $tag (standins/$dir)"
    if ! docker build --progress=plain \
          --label org.dockeropt.standin=true \
          --label "org.dockeropt.standin.of=$tag" \
          --label "$LABEL_KEY=$hash" \
          -t "$tag" "$ctx" >"$WORK/build-$dir.log" 2>&1; then
      tail -n 60 "$WORK/build-$dir.log" >&2
      die "docker build of $tag failed (recipe scripts/engine/standins/$dir/Dockerfile)"
    fi
    log "built $tag in $(( SECONDS - t0 ))s"
  fi
  # shellcheck disable=SC2086
  ensure_aliases "$tag" ${aliases//,/ }
  built=$((built + 1)); rm -rf "$ctx"
done
log "stand-ins: $built built, $skipped up to date"
