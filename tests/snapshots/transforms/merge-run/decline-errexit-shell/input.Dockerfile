FROM debian:bookworm-slim
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN apt-get update && apt-get install -y curl
RUN mkdir -p /a; touch /a/b; rm -rf /var/lib/apt/lists/*
