#!/bin/sh
# Same contract as the official node image's entrypoint: run the arguments with node when the first
# one is a flag, is not a command, or is a non-executable file; otherwise run them as a command.
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
