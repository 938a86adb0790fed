FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && curl -fsSL https://example.com/repo.gpg -o /etc/apt/keyrings/repo.asc \
    && apt-get update \
    && apt-get install -y --no-install-recommends repo-tool \
    && rm -rf /var/lib/apt/lists/*
CMD ["repo-tool"]
