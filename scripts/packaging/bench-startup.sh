#!/usr/bin/env bash
# Measures CLI start-up and a typical rewrite, JIT (framework-dependent Release build) against the Native AOT
# binary, with hyperfine (apt-get install -y hyperfine). Prints markdown tables for BENCHMARKS.md
# ("CLI start-up"). Usage: scripts/packaging/bench-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${1:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine"; exit 2; }

dotnet publish src/DockerOpt.Cli -c Release -o "$work/jit" --nologo -v quiet -p:UseAppHost=true
dotnet publish src/DockerOpt.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" --nologo -v quiet
cp -r examples/node "$work/node"
rm -rf "$work/node/node_modules"

echo "AOT binary: $(du -h "$work/aot/dockeropt" | cut -f1); $(nproc) cores; $(uname -r)"
hyperfine --warmup 3 --runs "$runs" -N --export-markdown "$work/version.md" \
  -n "JIT: dockeropt --version" "$work/jit/dockeropt --version" \
  -n "AOT: dockeropt --version" "$work/aot/dockeropt --version"
# rewrite exits 1 when it proposes changes: that is its normal result here, not a failure.
hyperfine --warmup 3 --runs "$runs" -N -i --export-markdown "$work/rewrite.md" \
  -n "JIT: rewrite examples/node/Dockerfile -o -" "$work/jit/dockeropt rewrite $work/node/Dockerfile -o -" \
  -n "AOT: rewrite examples/node/Dockerfile -o -" "$work/aot/dockeropt rewrite $work/node/Dockerfile -o -"
cat "$work/version.md" "$work/rewrite.md"
