FROM debian:bookworm-slim
# Toolchain
RUN apt-get update \
    && apt-get install -y --no-install-recommends make gcc

# Build the tool from source, then drop the package lists
RUN make -C /src install \
    && rm -rf /var/lib/apt/lists/*
