# Shared by the scripts/precision/*.sh scripts (sourced, not run). See docs/precision.md.

PRECISION_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# The shared contexts: --contexts, $DOCKEROPT_CONTEXTS, or ../shared/contexts beside the repository
# (a worktree under ../wt/ finds it one level further up).
find_contexts() {
  local given=${1:-${DOCKEROPT_CONTEXTS:-}}
  if [ -n "$given" ]; then (cd "$given" && pwd); return; fi
  local candidate
  for candidate in "$PRECISION_ROOT/../shared/contexts" "$PRECISION_ROOT/../../shared/contexts"; do
    if [ -f "$candidate/INDEX.tsv" ]; then (cd "$candidate" && pwd); return; fi
  done
  echo "the shared contexts were not found beside the repository; pass --contexts DIR" >&2
  return 2
}

# The dockeropt binary to measure: --binary, or a Release build of this checkout (JIT; the Native AOT
# publish takes minutes on this machine and gives the same output). COMMIT beside a binary names its commit
# in the summary.
build_binary() {
  local out="$PRECISION_ROOT/artifacts/precision/bin"
  dotnet publish "$PRECISION_ROOT/src/DockerOpt.Cli" -c Release -o "$out" --nologo -v quiet -p:PublishAot=false >&2
  { git -C "$PRECISION_ROOT" rev-parse --short HEAD | tr -d "\n"; git -C "$PRECISION_ROOT" diff --quiet HEAD -- src transforms || printf -- "-dirty"; echo; } >"$out/COMMIT"
  echo "$out/dockeropt"
}

# A header that says the file is generated: a comment among the first 15 lines that says so. Prints the
# first such comment (trimmed), or nothing. Comments only: 'echo "# ... generated ..."' inside a RUN in
# docker/buildx's authors.Dockerfile is not a header.
generated_marker() {
  head -n 15 "$1" | grep -iE -m1 '^[[:space:]]*#.*(do not edit|generated|apply-templates)' \
    | sed -e 's/^[[:space:]]*#*[[:space:]]*//' -e 's/[[:space:]]*$//' | tr '\t' ' ' | cut -c1-120 || true
}
