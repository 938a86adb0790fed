#!/usr/bin/env bash
# Linear-scaling benchmark (issue 14): generated Dockerfiles of 12.5k / 25k / 50k / 100k instructions and
# variable expansions nested 1k / 2k / 4k / 8k deep, each through parse, rewrite and lint of the Native AOT
# binary. Prints one markdown table per input shape with CPU time (user + system), peak RSS and each doubling's
# CPU ratio; paste them into BENCHMARKS.md.
#
#   bash scripts/bench/scaling.sh [--bin PATH] [--timeout SECONDS] [--only SHAPE[,SHAPE...]]
#     --bin      the dockeropt binary to measure (default: publish src/DockerOpt.Cli with Native AOT into
#                $BENCH_OUT/aot, as run.sh does); give an older build's binary to measure "before"
#     --built-from  the commit --bin was built from (printed in the header; default: this checkout's HEAD)
#     --timeout  wall-clock limit per run (default 120); a run that hits it shows as "> N s"
#     --only     runs, mixed, stages, apt-chain, from-depth, env-depth (default: all)
#
# Needs: the .NET SDK with clang and zlib1g-dev (Native AOT), GNU time (apt-get install -y time).
# The target is CPU time: the machine is shared, so wall time moves with the load printed beside each table.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=${BENCH_OUT:-$ROOT/artifacts/bench}
mkdir -p "$OUT"

bin='' built_from='' limit=120 only='runs,mixed,stages,apt-chain,from-depth,env-depth'
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --built-from) built_from=$2; shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install -y time" >&2; exit 2; }
if [ -z "$bin" ]; then
  dotnet publish src/DockerOpt.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$OUT/aot" --nologo -v quiet >/dev/null
  bin="$OUT/aot/dockeropt"
fi

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ), binary built from ${built_from:-$(git rev-parse --short HEAD)}"

inputs="$OUT/scaling"
mkdir -p "$inputs"

# One generator per shape: $1 is the size (instructions, or nesting depth), the file goes to stdout.
gen_runs() { awk -v n="$1" 'BEGIN { print "FROM debian:bookworm"; for (i = 1; i < n; i++) printf "RUN echo step%d > /tmp/f%d\n", i, i }'; }

# A realistic mix, repeated: ARG/ENV/WORKDIR/COPY/apt and npm RUNs/LABEL/EXPOSE, one stage.
gen_mixed() {
  awk -v n="$1" 'BEGIN {
    print "FROM node:20"
    split("ARG V%d=1|ENV P%d=/opt/p${V%d}|WORKDIR /app/w%d|COPY package%d.json ./|RUN apt-get update && apt-get install -y curl%d|RUN npm ci --prefix m%d|LABEL l%d=v|EXPOSE %d|RUN pip install pkg%d|COPY src%d/ ./src%d/|RUN go build ./cmd%d", t, "|")
    for (i = 1; i < n; i++) { k = (i - 1) % 12 + 1; printf t[k] "\n", i, i, i }
    print "CMD [\"node\", \"server.js\"]"
  }'
}

# Many small stages: each builds something and copies from the one before.
gen_stages() {
  awk -v n="$1" 'BEGIN {
    print "FROM debian:bookworm AS s0"; print "RUN apt-get update && apt-get install -y make"; c = 2
    for (s = 1; c < n; s++) {
      printf "FROM debian:bookworm AS s%d\n", s
      printf "COPY --from=s%d /out /in%d\n", s - 1, s
      printf "RUN apt-get update && apt-get install -y gcc%d\n", s
      printf "RUN npm install -g tool%d\n", s
      c += 4
    }
  }'
}

# One RUN whose chain has n commands, one per continued line.
gen_apt_chain() {
  awk -v n="$1" 'BEGIN {
    print "FROM debian:bookworm"; printf "RUN apt-get update"
    for (i = 1; i < n; i++) printf " \\\n    && apt-get install -y pkg%d", i
    print ""
  }'
}

# FROM ${a-${a-...x}} nested n deep on one line (the default of an unset ARG).
gen_from_depth() {
  awk -v n="$1" 'BEGIN {
    print "ARG a"; printf "FROM "
    for (i = 0; i < n; i++) printf "${a-"
    printf "debian"
    for (i = 0; i < n; i++) printf "}"
    print ""; print "RUN echo hi"
  }'
}

# ENV v=${v-${v-...x}} nested n deep on one line, then a COPY that uses it (the dockerignore pass expands it).
gen_env_depth() {
  awk -v n="$1" 'BEGIN {
    print "FROM debian:bookworm"; printf "ENV v="
    for (i = 0; i < n; i++) printf "${u-"
    printf "src"
    for (i = 0; i < n; i++) printf "}"
    print ""; print "COPY ${v} /app/"
  }'
}

# measure FILE COMMAND... -> "cpu_s rss_mb wall_s", or "timeout" when the run did not finish in time. GNU time waits
# for `timeout`, so its figures include the binary's; exit 1 (changes pending) is expected.
measure() {
  local file=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" timeout "$limit" "$bin" "$@" "$file" >/dev/null 2>"$OUT/stderr.txt" || true
  if grep -q 'non-zero status 124' "$OUT/time.txt"; then echo timeout; return; fi
  read -r wall user sys rss < <(tail -n 1 "$OUT/time.txt")
  awk -v u="$user" -v s="$sys" -v r="$rss" -v w="$wall" 'BEGIN { printf "%.2f %.0f %.2f\n", u + s, r / 1024, w }'
}

table() {
  local shape=$1 unit=$2; shift 2
  local sizes=("$@")
  echo
  echo "## $shape"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "| command | $(printf '%s | ' "${sizes[@]/#/$unit }")ratio per doubling (CPU) |"
  printf '|---|'; for _ in "${sizes[@]}"; do printf -- '---:|'; done; echo '---|'
  for cmd in "parse" "rewrite" "lint --format json"; do
    local cells=() cpus=()
    for n in "${sizes[@]}"; do
      # Each input alone in its folder: that folder is the build context, and the passes that read the context's
      # other Dockerfiles (dockerignore) or name a file's siblings (image roles) must not see the other sizes.
      local file="$inputs/$shape-$n/Dockerfile"
      [ -f "$file" ] || { mkdir -p "${file%/*}"; "gen_${shape//-/_}" "$n" >"$file"; }
      # shellcheck disable=SC2086
      read -r cpu rss wall < <(measure "$file" $cmd)
      if [ "$cpu" = timeout ]; then cells+=("> $limit s wall"); cpus+=(""); else cells+=("$cpu s, $rss MB"); cpus+=("$cpu"); fi
    done
    local ratios=()
    for ((i = 1; i < ${#cpus[@]}; i++)); do
      if [ -n "${cpus[i]}" ] && [ -n "${cpus[i-1]}" ]; then
        ratios+=("$(awk -v a="${cpus[i-1]}" -v b="${cpus[i]}" 'BEGIN { printf (a > 0.05 ? "%.1f×" : "–"), b / a }')")
      else ratios+=("–"); fi
    done
    local joined; joined=$(IFS=' '; echo "${ratios[*]}")
    echo "| \`$cmd\` | $(printf '%s | ' "${cells[@]}")${joined// / · } |"
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

for shape in ${only//,/ }; do
  case $shape in
    runs | mixed | stages | apt-chain) table "$shape" "" 12500 25000 50000 100000 ;;
    from-depth | env-depth) table "$shape" "depth" 1000 2000 4000 8000 ;;
    *) echo "unknown shape $shape" >&2; exit 2 ;;
  esac
done
