FROM debian:bookworm-slim AS rootfs
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* && update-ca-certificates

FROM debian:bookworm-slim AS tools
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN curl --version && rm -rf /var/lib/apt/lists/*

FROM scratch
COPY --from=rootfs / /
COPY --from=tools /usr/bin/curl /usr/bin/curl
CMD ["/usr/bin/curl"]
