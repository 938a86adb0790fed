#!/usr/bin/env bash
# Builds the runtime stage of the root Dockerfile around a locally published Native AOT binary and runs it, so
# the image's runtime half is checked on a machine that cannot pull the .NET SDK image (the build stage). Needs a
# running engine (scripts/engine/setup.sh) with debian:bookworm-slim.
# Usage: scripts/packaging/docker-runtime-check.sh AOT_OUTPUT_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
aot=${1:?usage: docker-runtime-check.sh AOT_OUTPUT_DIR (from dotnet publish -p:PublishAot=true -o DIR)}
work=$(mktemp -d)
trap 'rm -rf "$work"; docker rmi -f dockeropt-runtime-check >/dev/null 2>&1 || true' EXIT
cp "$aot/dockeropt" "$work/dockeropt"
# The runtime stage exactly as written in the root Dockerfile, with the binary taken from the build context.
awk 'f; /^FROM / { n++ } n == 2 && !f { f = 1; print }' Dockerfile \
  | sed 's#^COPY --from=build /out/dockeropt #COPY dockeropt #' >"$work/Dockerfile"
docker build -q -t dockeropt-runtime-check "$work" >/dev/null
version=$(docker run --rm dockeropt-runtime-check --version)
echo "runtime image: $(docker image inspect dockeropt-runtime-check --format '{{.Size}}' | awk '{ printf "%.1f MB", $1 / 1e6 }'), dockeropt $version"
set +e
docker run --rm -v "$PWD/examples/node:/work:ro" dockeropt-runtime-check rewrite --check >/dev/null 2>&1; rc=$?
set -e
if [ "$rc" -gt 1 ]; then echo "dockeropt in the image failed on examples/node (exit $rc)"; exit 1; fi
echo "ran rewrite --check on examples/node in the image (exit $rc) as uid $(docker run --rm --entrypoint '' dockeropt-runtime-check id -u 2>/dev/null || echo 65532)"
