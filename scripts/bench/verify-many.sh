#!/usr/bin/env bash
# `dockeropt verify DIR --jobs N --format junit` on the examples, timed with GNU time: wall time and the peak
# resident memory of dockeropt itself (the builds run in the engine's processes and are not counted), next to the
# same run with --jobs 1 (the Dockerfiles one after another). Prints markdown-ready lines; paste them in BENCHMARKS.md.
#
#   bash scripts/bench/verify-many.sh [JOBS...]        (default: 2 1)
#   BENCH_VERIFY_ARGS="--timeout 30m" bash scripts/bench/verify-many.sh 2   (more verify options: on a loaded
#   machine a go build can take longer than verify's default 10 min)
#
# Needs: the .NET SDK, a running engine with the stand-in base images (bash scripts/engine/setup.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=${BENCH_OUT:-$ROOT/artifacts/bench/verify-many}
mkdir -p "$OUT"
jobs_list=("$@")
[ ${#jobs_list[@]} -eq 0 ] && jobs_list=(2 1)

dotnet publish src/DockerOpt.Cli -c Release -o "$OUT/cli" --nologo -v quiet >/dev/null
echo "# machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD); $(docker version --format 'docker {{.Server.Version}}'); verify options: '${BENCH_VERIFY_ARGS:-}'"
for jobs in "${jobs_list[@]}"; do
  log="$OUT/jobs-$jobs"
  start=$(date -u +%H:%M)
  status=0
  /usr/bin/time -v -o "$log.time" dotnet "$OUT/cli/dockeropt.dll" verify examples/ --jobs "$jobs" --format junit ${BENCH_VERIFY_ARGS:-} \
    >"$log.xml" 2>"$log.err" || status=$?
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log.time")
  summary=$(grep -E '^verify: [0-9]+ Dockerfile' "$log.err" | tail -1)
  echo "| --jobs $jobs | $start-$(date -u +%H:%M) UTC | $wall | $rss MB | exit $status | $summary |"
done
