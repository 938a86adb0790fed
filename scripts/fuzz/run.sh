#!/usr/bin/env bash
# Mutation fuzzing of dockeropt in one command: builds the harness (tests/DockerOpt.Fuzz, Release) and runs it.
#   bash scripts/fuzz/run.sh --inputs 1000000 --seed 7    # the long run before a release (progress every 10 s, summary)
#   bash scripts/fuzz/run.sh --seed 7 --index 4242        # reproduce one failing input of that run
#   bash scripts/fuzz/run.sh --file fuzz-failures/x.min.Dockerfile
#   bash scripts/fuzz/run.sh --help                       # every option
# Failing inputs go to fuzz-failures/ (git-ignored): the input as generated, the minimized one, and a note with the
# failure and the command that reproduces it. Exit code 0 when nothing failed, 1 when something did.
# The CI run (--inputs 20000 --seed 14 --cli 60) is a test of tests/DockerOpt.Fuzz.Tests (CiFuzzRunTests); see BENCHMARKS.md
# for throughput and results.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! build_log=$(dotnet build tests/DockerOpt.Fuzz -c Release --nologo -v quiet 2>&1); then
  echo "$build_log" >&2
  echo "scripts/fuzz/run.sh: building tests/DockerOpt.Fuzz failed" >&2
  exit 2
fi

exec dotnet tests/DockerOpt.Fuzz/bin/Release/net10.0/dockeropt-fuzz.dll "$@"
