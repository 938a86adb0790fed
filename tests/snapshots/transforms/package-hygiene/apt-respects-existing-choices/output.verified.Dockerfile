FROM debian:bookworm-slim
RUN apt-get update && apt-get -qqy -o APT::Install-Recommends=false install curl && rm -rf /var/lib/apt/lists/*
