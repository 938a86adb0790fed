FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y curl # needed for healthchecks
RUN rm -rf /var/lib/apt/lists/*
