FROM debian:bookworm-slim
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN apt-get update && apt-get install -y curl \
    && curl -fsSL https://example.com | tee /tmp/page
RUN mkdir -p /a; touch /a/b
