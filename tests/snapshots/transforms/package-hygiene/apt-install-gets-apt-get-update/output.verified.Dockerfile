FROM ubuntu:24.04
RUN set -eux; \
    apt-get update \
    && apt-get install --no-install-recommends -y curl; \
    curl --version
