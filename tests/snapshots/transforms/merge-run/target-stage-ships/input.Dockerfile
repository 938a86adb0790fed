FROM debian:bookworm-slim AS dev
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN curl --version && rm -rf /var/lib/apt/lists/*
CMD ["bash"]

FROM debian:bookworm-slim
COPY --from=dev /usr/bin/curl /usr/bin/curl
CMD ["curl", "--version"]
