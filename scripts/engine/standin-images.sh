# The stand-in base images that the other engines (podman, the second dockerd) receive from the first
# one: every tag the examples and the engine tests build FROM. Sourced by podman.sh and remote.sh.
# shellcheck shell=bash
# shellcheck disable=SC2034
STANDIN_TAGS=(
  debian:bookworm-slim
  debian:bookworm
  python:3.12
  python:3.12-slim
  node:20
  node:20-slim
  golang:1.22
  rust:1
  rust:1-bookworm
  gcr.io/distroless/static-debian12:latest
  gcr.io/distroless/static-debian12:nonroot
  gcr.io/distroless/cc-debian13:latest
)
