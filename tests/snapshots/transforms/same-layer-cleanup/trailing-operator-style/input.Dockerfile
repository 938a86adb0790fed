FROM debian:bookworm
RUN apt-get update && \
    apt-get install -y curl ca-certificates && \
    curl -fsSL https://example.com/setup.sh -o /tmp/setup.sh
RUN apt-get clean && \
    rm -rf /var/lib/apt/lists/* /tmp/*
