FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

COPY app.sh /usr/local/bin/app.sh

USER app

CMD ["app.sh"]
