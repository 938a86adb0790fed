#!/usr/bin/env bash
# Build, run and smoke-test every example (examples/<name>) in every variant, and measure it.
#
#   scripts/examples/build-all.sh [options]
#     --examples LIST      comma-separated example names (default: every examples/*/ with a smoke.json)
#     --variant NAME=FILE[,IGNORE]
#                          a Dockerfile to build, relative to the example folder or absolute; '{example}'
#                          is replaced by the example name; IGNORE (optional) is copied into the build
#                          context as .dockerignore when it exists. Repeatable. Default: naive=Dockerfile and
#                          expert=Dockerfile.expert. Variants whose file is missing are skipped visibly.
#     --nonroot LIST       variants that must run as a non-root user (default: expert)
#     --warm               also time a warm rebuild after a one-line source edit (then revert it)
#     --repeat N           with --warm: N rebuilds, each after another one-line edit; report the median
#     --compressed         also measure the gzip-compressed size of `docker save` (slow for big images)
#     --prune-cache-mounts before the cold builds, drop BuildKit cache mounts (engine-wide!) so that
#                          npm/pip/go caches start empty as well
#     --tsv FILE           append one tab-separated line per example/variant (header written if new)
#     --logs DIR           keep the build and container logs in DIR (default: discarded)
#
# Every cold build uses --no-cache. The build context is a copy of what git would ship (tracked and
# untracked-but-not-ignored files), so local node_modules/, dist/ or build/ leftovers never leak in
# and the naive Dockerfiles (which have no .dockerignore on purpose) are measured reproducibly.
# Images are tagged dockeropt-example-<example>:<variant>. Exit code: 0 when every build, smoke
# check and non-root check passed, 1 otherwise.
set -euo pipefail
SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
ROOT=$(cd "$(dirname "$SELF")/../.." && pwd)
cd "$ROOT"

log() { printf '[examples] %s\n' "$*" >&2; }
die() { printf '[examples] ERROR: %s\n' "$*" >&2; exit 2; }

examples=() variants=() nonroot=expert warm=0 compressed=0 prune=0 tsv= keep_logs= repeat=1
while [ $# -gt 0 ]; do
  case $1 in
    --examples) IFS=, read -r -a examples <<<"$2"; shift 2 ;;
    --variant) variants+=("$2"); shift 2 ;;
    --nonroot) nonroot=$2; shift 2 ;;
    --warm) warm=1; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    --compressed) compressed=1; shift ;;
    --prune-cache-mounts) prune=1; shift ;;
    --tsv) tsv=$2; shift 2 ;;
    --logs) keep_logs=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
[[ $repeat =~ ^[1-9][0-9]*$ ]] || die "--repeat needs a positive number"
[ ${#variants[@]} -gt 0 ] || variants=(naive=Dockerfile expert=Dockerfile.expert)
if [ ${#examples[@]} -eq 0 ]; then
  for d in examples/*/; do [ -f "$d/smoke.json" ] && examples+=("$(basename "$d")"); done
fi
[ ${#examples[@]} -gt 0 ] || die "no examples found (examples/*/smoke.json)"

command -v docker >/dev/null || die "docker CLI not found"
timeout 10 docker info >/dev/null 2>&1 || die "no container engine answers 'docker info' (run scripts/engine/setup.sh)"
docker buildx version >/dev/null 2>&1 || die "docker buildx missing: BuildKit is needed for RUN --mount"
command -v python3 >/dev/null || die "python3 is needed to read smoke.json"
command -v curl >/dev/null || die "curl is needed for HTTP smoke checks"

# The file a "one-line source edit" touches, per example (a comment line, so behaviour is unchanged).
edit_file() {
  case $1 in
    node) echo "src/app.ts //" ;;
    python) echo "src/textdist/server.py #" ;;
    go) echo "server.go //" ;;
    go-multistage) echo "server.go //" ;;
    node-slim) echo "lib/app.js //" ;;
    node-devdeps) echo "src/quotes.js //" ;;
    rust) echo "src/http.rs //" ;;
    *) echo "" ;;
  esac
}

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }

work=$(mktemp -d /tmp/dockeropt-examples.XXXXXX)
cleanup() {
  local c
  if [ -f "$work/containers" ]; then
    while read -r c; do docker rm -f "$c" >/dev/null 2>&1 || true; done <"$work/containers"
  fi
  if [ -n "$keep_logs" ] && [ -d "$work/logs" ]; then mkdir -p "$keep_logs" && cp "$work"/logs/* "$keep_logs"/; fi
  rm -rf "$work"
}
trap cleanup EXIT

# stage_context EXAMPLE DEST: copy what git would ship of examples/EXAMPLE into DEST.
stage_context() {
  local src=examples/$1 dest=$2
  mkdir -p "$dest"
  if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$src" && git ls-files -z --cached --others --exclude-standard -- . |
      while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
      tar --null -T - -cf -) | tar -C "$dest" -xf -
  else
    cp -a "$src/." "$dest/"
  fi
}

# smoke IMAGE SMOKE_JSON LOG: run the image and check its smoke definition. Sets SMOKE_RESULT ("ok" or
# the reason it failed) and STOP_SECONDS (how long `docker stop` took; "-" for command smoke checks).
smoke() {
  SMOKE_RESULT=$(smoke_check "$@")
  STOP_SECONDS=$(cat "$work/stop-seconds" 2>/dev/null || echo -)
  rm -f "$work/stop-seconds"
}
smoke_check() {
  local image=$1 spec=$2 logf=$3 kind port path expect cid hostport body cmd
  kind=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("http" if "http" in d else "command")' "$spec")
  expect=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["expect"])' "$spec")
  if [ "$kind" = http ]; then
    port=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["http"]["port"])' "$spec")
    path=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["http"].get("path","/"))' "$spec")
    cid=$(docker run -d -p "127.0.0.1::$port" "$image") || { echo "docker run failed"; return; }
    echo "$cid" >>"$work/containers"
    hostport=$(docker port "$cid" "$port/tcp" | head -n1 | sed 's/.*://')
    body=
    for _ in $(seq 60); do
      body=$(curl -fsS --max-time 2 "http://127.0.0.1:$hostport$path" 2>/dev/null || true)
      [ "$body" = "$expect" ] && break
      [ "$(docker inspect -f '{{.State.Running}}' "$cid")" = true ] || break
      sleep 0.5
    done
    # time `docker stop`: a shell-form CMD leaves /bin/sh as PID 1, which ignores SIGTERM (10 s)
    local t0; t0=$(now)
    docker stop -t 10 "$cid" >/dev/null || true
    elapsed "$t0" "$(now)" >"$work/stop-seconds"
    docker logs "$cid" >"$logf" 2>&1 || true
    docker rm "$cid" >/dev/null
    if [ "$body" = "$expect" ]; then echo ok; else echo "GET $path answered '${body:0:60}', expected '$expect'"; fi
  else
    mapfile -t cmd < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["command"]))' "$spec")
    body=$(docker run --rm "$image" "${cmd[@]}" 2>"$logf" || true)
    if [[ "$body" == *"$expect"* ]]; then echo ok; else echo "command output '${body:0:60}' lacks '$expect'"; fi
  fi
}

# is_root_user USER: true for the image's configured user when it means root ("" = root).
is_root_user() { case $1 in ""|root|0|root:*|0:*) return 0 ;; *) return 1 ;; esac; }

build() { # build DOCKERFILE CONTEXT TAG LOG [extra args...]
  local file=$1 ctx=$2 tag=$3 logf=$4; shift 4
  docker build --progress=plain "$@" -f "$file" -t "$tag" "$ctx" >"$logf" 2>&1
}

if [ "$prune" = 1 ]; then
  log "pruning BuildKit cache mounts (engine-wide)"
  docker builder prune -f --filter type=exec.cachemount >/dev/null
fi

if [ -n "$tsv" ] && [ ! -s "$tsv" ]; then
  printf 'example\tvariant\tsize_bytes\tcompressed_bytes\tlayers\tcold_build_s\twarm_rebuild_s\tuser\tstop_s\tsmoke\n' >"$tsv"
fi

failures=0
rows=()
run_nonce=$(date +%s%N)-$$
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
for ex in "${examples[@]}"; do
  [ -d "examples/$ex" ] || die "no such example: examples/$ex"
  [ -f "examples/$ex/smoke.json" ] || die "examples/$ex/smoke.json missing"
  for spec in "${variants[@]}"; do
    name=${spec%%=*} rest=${spec#*=}
    file=${rest%%,*} ignore=
    [ "$rest" != "$file" ] && ignore=${rest#*,}
    file=${file//\{example\}/$ex} ignore=${ignore//\{example\}/$ex}
    [[ $file = /* ]] || file=$ROOT/examples/$ex/$file
    [ -z "$ignore" ] || [[ $ignore = /* ]] || ignore=$ROOT/examples/$ex/$ignore
    if [ ! -f "$file" ]; then
      log "$ex/$name: SKIPPED, $file does not exist"
      continue
    fi
    ctx=$work/$ex-$name
    stage_context "$ex" "$ctx"
    # A variant's IGNORE may not exist: dockeropt proposes a .dockerignore only where it keeps something out (8c21c11),
    # and then the rewrite builds with the context as it is.
    if [ -n "$ignore" ] && [ -f "$ignore" ]; then cp "$ignore" "$ctx/.dockerignore"; fi
    tag=dockeropt-example-$ex:$name
    logs=$work/logs; mkdir -p "$logs"
    log "$ex/$name: cold build (--no-cache) of ${file#"$ROOT"/}"
    t0=$(now)
    if ! build "$file" "$ctx" "$tag" "$logs/$ex-$name-cold.log" --no-cache; then
      tail -n 40 "$logs/$ex-$name-cold.log" >&2
      log "$ex/$name: BUILD FAILED"; failures=$((failures + 1))
      rows+=("$ex	$name	-	-	-	-	-	-	-	build failed")
      continue
    fi
    cold=$(elapsed "$t0" "$(now)")

    smoke "$tag" "examples/$ex/smoke.json" "$logs/$ex-$name-run.log"
    result=$SMOKE_RESULT
    if [ "$result" != ok ]; then
      failures=$((failures + 1)); log "$ex/$name: SMOKE FAILED: $result"; tail -n 20 "$logs/$ex-$name-run.log" >&2 || true
    fi
    stop_s=$STOP_SECONDS

    user=$(docker image inspect -f '{{.Config.User}}' "$tag")
    if [[ ",$nonroot," == *",$name,"* ]] && is_root_user "$user"; then
      failures=$((failures + 1)); log "$ex/$name: runs as root (user '${user}') but must not"
      result="$result; runs as root"
    fi

    warm_s=-
    if [ "$warm" = 1 ]; then
      read -r efile marker <<<"$(edit_file "$ex")"
      if [ -n "$efile" ] && [ -f "$ctx/$efile" ]; then
        cp "$ctx/$efile" "$work/edit-backup"
        times=()
        for i in $(seq "$repeat"); do
          # a different line each time, so every round invalidates the layers that depend on the file; the
          # nonce and the variant keep it different from earlier runs and from the other variants too (two
          # variants whose builders start alike would otherwise reuse each other's layers: a cache hit, not
          # a rebuild)
          printf '%s edited by build-all.sh, round %s, variant %s, run %s\n' "$marker" "$i" "$name" "$run_nonce" >>"$ctx/$efile"
          t0=$(now)
          if build "$file" "$ctx" "$tag" "$logs/$ex-$name-warm$i.log"; then
            times+=("$(elapsed "$t0" "$(now)")")
          else
            tail -n 40 "$logs/$ex-$name-warm$i.log" >&2; failures=$((failures + 1)); times=(); break
          fi
        done
        if [ ${#times[@]} -gt 0 ]; then
          warm_s=$(printf '%s\n' "${times[@]}" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
          [ "$repeat" = 1 ] || log "$ex/$name: warm rebuilds ${times[*]} s, median $warm_s s"
          smoke "$tag" "examples/$ex/smoke.json" "$logs/$ex-$name-warm-run.log"
          [ "$SMOKE_RESULT" = ok ] || { failures=$((failures + 1)); log "$ex/$name: SMOKE FAILED after edit: $SMOKE_RESULT"; }
        else
          warm_s=failed
        fi
        # leave the tag pointing at the unedited sources (all layers cached: quick)
        cp "$work/edit-backup" "$ctx/$efile"
        build "$file" "$ctx" "$tag" "$logs/$ex-$name-restore.log" || { failures=$((failures + 1)); log "$ex/$name: rebuild of unedited sources failed"; }
      else
        log "$ex/$name: no source file to edit for a warm rebuild"
      fi
    fi

    size=$(docker image inspect -f '{{.Size}}' "$tag")
    layers=$(docker image inspect -f '{{len .RootFS.Layers}}' "$tag")
    gz=-
    if [ "$compressed" = 1 ]; then gz=$(docker save "$tag" | gzip -6 | wc -c); fi
    row="$ex	$name	$size	$gz	$layers	$cold	$warm_s	${user:-root}	$stop_s	$result"
    rows+=("$row")
    [ -z "$tsv" ] || printf '%s\n' "$row" >>"$tsv"
    log "$ex/$name: $(numfmt --to=iec --suffix=B "$size") in $layers layers, cold ${cold}s, warm ${warm_s}s, user ${user:-root}, smoke $result"
  done
done

printf '\n%-8s %-8s %12s %12s %6s %8s %8s %-14s %6s %s\n' example variant size compressed layers cold_s warm_s user stop_s smoke
for row in "${rows[@]}"; do
  IFS=$'\t' read -r ex name size gz layers cold warm_s user stop_s result <<<"$row"
  [ "$size" = - ] || size=$(numfmt --to=iec --suffix=B "$size")
  [ "$gz" = - ] || gz=$(numfmt --to=iec --suffix=B "$gz")
  printf '%-8s %-8s %12s %12s %6s %8s %8s %-14s %6s %s\n' "$ex" "$name" "$size" "$gz" "$layers" "$cold" "$warm_s" "$user" "$stop_s" "$result"
done
# Timings are wall-clock: on a shared machine they move with the load, so print it next to them.
echo
echo "engine $(docker version -f '{{.Server.Version}}' 2>/dev/null), $(nproc) CPUs, load average at start: $load_start, at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
if [ ${#rows[@]} -eq 0 ]; then echo "nothing was built (every variant skipped)"; exit 1; fi
if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all builds and smoke checks passed"
