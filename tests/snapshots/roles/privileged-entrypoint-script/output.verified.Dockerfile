FROM debian:bookworm-slim
RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends ca-certificates
WORKDIR /app
COPY entrypoint.sh /usr/local/bin/
COPY . .
ENTRYPOINT ["entrypoint.sh"]
CMD ["./server"]
