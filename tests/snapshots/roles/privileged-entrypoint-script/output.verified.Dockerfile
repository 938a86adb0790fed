FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY entrypoint.sh /usr/local/bin/
COPY . .
ENTRYPOINT ["entrypoint.sh"]
CMD ["./server"]
