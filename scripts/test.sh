#!/usr/bin/env bash
# Runs the whole test suite: build (warnings are errors), format check, every test project, the
# snapshot orphan check, and ends with the plain line "N passed, N failed, N skipped" computed from
# the TRX results. Exit code: non-zero when anything failed or when no test ran.
# Engine tests skip with a visible reason when no engine answers, except under CI=true.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=$(mktemp -d)
snapshot_log="$results/snapshots-used.txt"
: >"$snapshot_log"
export DOCKEROPT_SNAPSHOT_LOG="$snapshot_log"
failed_steps=0

echo "== build"
if ! dotnet build Rewriter.sln -c Release --nologo -v quiet; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

# The format check only reads the sources, so it runs beside the tests (the engine tests mostly wait on builds)
# instead of adding its minute or two to the run; its verdict is printed after them.
echo "== format (beside the tests)"
format_log="$results/format.log"
dotnet format Rewriter.sln --verify-no-changes --no-restore -v quiet >"$format_log" 2>&1 &
format_pid=$!

echo "== tests"
dotnet test Rewriter.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 15m
test_rc=$?

echo "== format"
if ! wait "$format_pid"; then
  cat "$format_log"
  echo "dotnet format found files to fix (run: dotnet format Rewriter.sln)"; failed_steps=$((failed_steps + 1))
fi

passed=0; failed=0; total=0; executed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  total=$((total + $(get total))); executed=$((executed + $(get executed)))
done
skipped=$((total - executed))

echo "== snapshots"
# Each test process logs the snapshots it compared to its own file (snapshots-used.txt.<pid>).
cat "$snapshot_log".* >>"$snapshot_log" 2>/dev/null
orphans=0
while IFS= read -r verified; do
  if ! grep -qxF "$verified" "$snapshot_log"; then
    echo "orphan snapshot (no test compares against it): $verified"; orphans=$((orphans + 1))
  fi
done < <(git ls-files 'tests/snapshots/*.verified.*')
if [ "$orphans" -gt 0 ]; then failed_steps=$((failed_steps + 1)); fi
if [ -n "$(git ls-files --others --exclude-standard 'tests/snapshots/*.received.*')" ] ; then
  echo "received snapshot files were written: review them (tests/snapshots/**/*.received.*)"
fi

if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited $test_rc without a failed test (crash or hang?)"; failed=$((failed + 1))
fi
failed=$((failed + failed_steps))
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
exit 0
