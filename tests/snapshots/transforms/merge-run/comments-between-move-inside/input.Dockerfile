FROM debian:bookworm-slim
# Toolchain
RUN apt-get update \
    && apt-get install -y --no-install-recommends make gcc

# Build the tool from source
RUN make -C /src install

RUN strip /usr/local/bin/tool
