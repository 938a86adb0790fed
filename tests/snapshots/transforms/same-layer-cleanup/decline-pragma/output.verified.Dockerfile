FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y curl
# dockeropt ignore=same-layer-cleanup
RUN rm -rf /var/lib/apt/lists/*
