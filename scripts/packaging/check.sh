#!/usr/bin/env bash
# Packaging check (CI runs it): the .NET tool installs from the packed .nupkg and runs, and the Native AOT
# binary publishes with no trimming/AOT warnings and runs. Everything goes to a temp dir; the machine's own
# global tools are not touched (HOME points at the temp dir while the tool is installed "globally").
# Usage: scripts/packaging/check.sh [--skip-aot]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=examples/node

echo "== dotnet pack"
dotnet pack src/DockerOpt.Cli -c Release -o "$work/packages" --nologo -v quiet
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/DockerOpt.Cli/DockerOpt.Cli.csproj)
ls "$work/packages/dockeropt.$version.nupkg" >/dev/null

echo "== dotnet tool install --global --add-source <dir> dockeropt"
# The NuGet cache stays the machine's (no re-download of anything); only the tool's install location moves.
mkdir -p "$work/home"
NUGET_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}" HOME="$work/home" DOTNET_CLI_HOME="$work/home" \
  dotnet tool install --global --add-source "$work/packages" dockeropt --version "$version"
tool="$work/home/.dotnet/tools/dockeropt"
[ "$("$tool" --version)" = "$version" ] || { echo "the installed tool does not print version $version"; exit 1; }
"$tool" passes >/dev/null
set +e
"$tool" rewrite "$example/Dockerfile" >/dev/null 2>&1; rc=$?
set -e
if [ "$rc" -gt 1 ]; then echo "the installed tool failed on $example/Dockerfile (exit $rc)"; exit 1; fi
echo "tool: installed and ran (version $version, rewrite exit $rc)"

if [ "${1:-}" = "--skip-aot" ]; then exit 0; fi

echo "== Native AOT publish (linux-x64), warnings are failures"
log="$work/aot.log"
if ! dotnet publish src/DockerOpt.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" --nologo >"$log" 2>&1; then
  cat "$log"; echo "AOT publish failed"; exit 1
fi
if grep -E "warning (IL|AOT)[0-9]+" "$log"; then echo "AOT publish printed trimming/AOT warnings (above)"; exit 1; fi
[ "$("$work/aot/dockeropt" --version)" = "$version" ] || { echo "the AOT binary does not print version $version"; exit 1; }
set +e
"$work/aot/dockeropt" lint "$example/Dockerfile" --format sarif >/dev/null; rc=$?
set -e
if [ "$rc" -gt 1 ]; then echo "the AOT binary failed on $example/Dockerfile (exit $rc)"; exit 1; fi
echo "aot: $(du -h "$work/aot/dockeropt" | cut -f1) binary, no warnings, ran (lint exit $rc)"
