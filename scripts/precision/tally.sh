#!/usr/bin/env bash
# tally, the BuildKit-based peer linter the precision benchmark compares against (docs/precision.md).
# Benchmark only: dockeropt never runs or ships it. Installed from npm into artifacts/tools/tally (git-ignored)
# when missing, at the version issue 9 measured with.
#
#   bash scripts/precision/tally.sh --path        prints the tally binary (installs it first if needed)
#   bash scripts/precision/tally.sh lint ARGS...  runs it
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VERSION=0.45.0
TOOLS=$PRECISION_ROOT/artifacts/tools/tally
BIN=$TOOLS/node_modules/@wharflab/tally-linux-x64/bin/tally

if [ ! -x "$BIN" ] || ! "$BIN" --version 2>/dev/null | grep -q "version $VERSION "; then
  command -v npm >/dev/null || { echo "npm missing: apt-get install -y npm" >&2; exit 2; }
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent "@wharflab/tally-linux-x64@$VERSION" >&2
fi
if [ "${1:-}" = --path ]; then echo "$BIN"; exit 0; fi
exec "$BIN" "$@"
