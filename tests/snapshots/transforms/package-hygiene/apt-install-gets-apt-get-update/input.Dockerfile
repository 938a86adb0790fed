FROM ubuntu:24.04
RUN set -eux; \
    apt install -y curl; \
    curl --version
