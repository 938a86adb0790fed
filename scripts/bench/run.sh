#!/usr/bin/env bash
# Refreshes every figure in BENCHMARKS.md in one run. Prints markdown-ready tables; paste them in.
#
#   bash scripts/bench/run.sh [--tool] [--examples] [--micro]     (default: all three)
#     --tool      CLI start-up (via scripts/packaging/bench-startup.sh) and whole-corpus throughput,
#                 JIT vs Native AOT (GNU time)
#     --micro     in-process BenchmarkDotNet over the corpus (parse+print, rewrite), with allocations
#     --examples  per example, side by side on one engine: original, dockeropt rewrite, expert
#                 (sizes, layers, cold build, warm rebuild after a source edit: median of 3) via scripts/examples/build-all.sh;
#                 BENCH_EXAMPLES="node-slim go-multistage" limits it to those examples (default: all six)
#
# Needs: the .NET SDK, ../shared/corpus, hyperfine (apt-get install -y hyperfine) and, for --examples,
# a running engine with the stand-in base images (bash scripts/engine/setup.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
CORPUS=${DOCKEROPT_CORPUS:-$(cd .. && pwd)/shared/corpus}
OUT=${BENCH_OUT:-$ROOT/artifacts/bench}
mkdir -p "$OUT"

want_tool=0 want_examples=0 want_micro=0
[ $# -eq 0 ] && { want_tool=1; want_examples=1; want_micro=1; }
for a in "$@"; do
  case $a in --tool) want_tool=1 ;; --examples) want_examples=1 ;; --micro) want_micro=1 ;;
    *) echo "unknown argument $a" >&2; exit 2 ;; esac
done

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"

build_cli() {
  dotnet publish src/DockerOpt.Cli -c Release -o "$OUT/jit" --nologo -v quiet -p:PublishAot=false >/dev/null
  dotnet publish src/DockerOpt.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$OUT/aot" --nologo -v quiet >/dev/null
}

if [ $want_tool = 1 ]; then
  command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install -y hyperfine" >&2; exit 2; }
  build_cli
  files=$(find "$CORPUS" -type f \( -iname '*dockerfile*' -o -iname '*containerfile*' \) ! -path '*/LICENSES/*' | wc -l)
  bytes=$(find "$CORPUS" -type f \( -iname '*dockerfile*' -o -iname '*containerfile*' \) ! -path '*/LICENSES/*' -print0 | xargs -0 cat | wc -c)
  echo; echo "## CLI start-up (scripts/packaging/bench-startup.sh owns this measurement)"
  bash scripts/packaging/bench-startup.sh 20 | grep -E '^(\||AOT binary)'
  echo; echo "## Corpus throughput ($files files, $bytes bytes)"
  # Wall time depends on what else the machine runs; CPU time (user + sys) much less so, and it is what
  # the throughput columns use. The load average is printed so a reader can judge the wall figures.
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "| build | command | wall s | CPU s | files/s (CPU) | MB/s (CPU) | peak RSS MB |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for kind in jit aot; do
    bin="$OUT/$kind/dockeropt"
    for cmd in "parse --roundtrip" "rewrite --check --no-dockerignore" "lint --format json"; do
      # GNU time: wall, user and system seconds, max resident set size (KiB). Exit 1 (changes pending) is expected.
      /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" $bin $cmd "$CORPUS" >/dev/null 2>&1 || true
      # (GNU time puts "Command exited with non-zero status N" first when the exit code is not 0.)
      read -r wall user sys rss < <(tail -n 1 "$OUT/time.txt")
      awk -v k="$kind" -v c="$cmd" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v f="$files" -v b="$bytes" \
        'BEGIN { cpu = u + s; printf "| %s | `%s` | %.2f | %.2f | %.0f | %.2f | %.0f |\n", k, c, w, cpu, f/cpu, b/cpu/1e6, r/1024 }'
    done
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [ $want_micro = 1 ]; then
  echo; echo "## In-process (BenchmarkDotNet, whole corpus per operation)"
  DOCKEROPT_CORPUS="$CORPUS" dotnet run -c Release --project bench/DockerOpt.Benchmarks -- \
    --filter '*' --job short --inProcess --artifacts "$OUT/bdn" >"$OUT/bdn.log" 2>&1
  grep -E '^// corpus:' "$OUT/bdn.log" | head -1
  cat "$OUT"/bdn/results/*-report-github.md | sed -n '/^|/p'
fi

if [ $want_examples = 1 ]; then
  dotnet build src/DockerOpt.Cli -c Release --nologo -v quiet >/dev/null
  variants=()
  read -r -a bench_examples <<<"${BENCH_EXAMPLES:-node python go go-multistage node-slim node-devdeps}"
  for ex in "${bench_examples[@]}"; do
    work="$OUT/rewrite/$ex"; rm -rf "$work"; mkdir -p "$work"
    cp -r "examples/$ex/." "$work/"
    dotnet src/DockerOpt.Cli/bin/Release/net10.0/dockeropt.dll rewrite "$work/Dockerfile" --apply >/dev/null 2>&1
  done
  tsv="$OUT/examples.tsv"; rm -f "$tsv"
  bash scripts/examples/build-all.sh --examples "$(IFS=,; echo "${bench_examples[*]}")" --warm --repeat 3 --compressed --prune-cache-mounts --tsv "$tsv" \
    --variant naive=Dockerfile \
    --variant "rewrite=$OUT/rewrite/{example}/Dockerfile,$OUT/rewrite/{example}/.dockerignore" \
    --variant expert=Dockerfile.expert \
    --nonroot rewrite,expert >&2
  echo; echo "## Examples: original vs dockeropt rewrite vs expert (stand-in base images)"
  echo "| example | variant | size MB | compressed MB | layers | cold build s | warm rebuild s | size vs original | size vs expert | warm speed-up | user | docker stop s |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
  awk -F'\t' 'NR > 1 { size[$1,$2]=$3; row[NR]=$0 }
    END {
      for (i = 2; i <= NR; i++) { split(row[i], f, "\t");
        warm[f[1],f[2]]=f[7] }
      for (i = 2; i <= NR; i++) { split(row[i], f, "\t"); ex=f[1]; v=f[2];
        printf "| %s | %s | %.1f | %.1f | %s | %s | %s | %.2f | %.2f | %s | %s | %s |\n", ex, v, f[3]/1e6, f[4]/1e6, f[5], f[6], f[7],
          f[3]/size[ex,"naive"], f[3]/size[ex,"expert"], (f[7] > 0 ? sprintf("%.1fx", warm[ex,"naive"]/f[7]) : "-"), f[8], f[9] }
    }' "$tsv"
fi
