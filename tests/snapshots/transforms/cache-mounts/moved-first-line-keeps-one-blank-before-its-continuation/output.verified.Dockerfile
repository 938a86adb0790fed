# From microsoft/vscode-dev-containers build/patch/2020-04-30-2: the mount goes on a line of its own, so the
# command's first line is moved below it, and written with one blank before its continuation.
FROM debian:bookworm

RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update \
    && apt-get upgrade -y git libcurl3-gnutls libpq-dev \
    && apt-get autoremove -y
