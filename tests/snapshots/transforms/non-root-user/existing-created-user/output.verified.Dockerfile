FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY bin/ ./bin/
RUN groupadd -r svc && useradd -r -g svc -d /opt/app svc
COPY data/ ./data/

USER svc

ENTRYPOINT ["/opt/app/bin/server"]
