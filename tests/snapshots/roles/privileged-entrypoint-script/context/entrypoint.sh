#!/bin/sh
set -e
cp /certs/*.crt /usr/local/share/ca-certificates/
update-ca-certificates
exec "$@"
