# From open-telemetry/opentelemetry-demo src/flagd-ui/Dockerfile (Phoenix's release template): the app folder is
# handed to nobody, so nobody runs it; a new user could not write to /app.
FROM debian:bullseye-slim AS final

RUN apt-get update \
  && apt-get install -y --no-install-recommends libstdc++6 openssl libncurses5 locales ca-certificates \
  && rm -rf /var/lib/apt/lists/*

WORKDIR "/app"
RUN chown nobody /app

COPY --chown=nobody:root release/ ./

USER nobody

CMD ["/app/bin/server"]
