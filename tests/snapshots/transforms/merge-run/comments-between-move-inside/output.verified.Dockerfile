FROM debian:bookworm-slim
# Toolchain
RUN apt-get update \
    && apt-get install -y --no-install-recommends make gcc \
    # Build the tool from source
    && make -C /src install \
    && strip /usr/local/bin/tool
