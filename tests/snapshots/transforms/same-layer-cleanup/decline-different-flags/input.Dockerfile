FROM debian:bookworm-slim
RUN --network=host apt-get update && apt-get install -y curl
RUN rm -rf /var/lib/apt/lists/*
