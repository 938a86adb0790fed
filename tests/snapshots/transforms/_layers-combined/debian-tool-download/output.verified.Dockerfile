FROM debian:bookworm-slim
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean \
    && echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache \
    && apt-get update \
    && apt-get install -y --no-install-recommends curl ca-certificates \
    && curl -fsSLO https://example.com/releases/tool-1.4.0.tar.gz && tar -xzf tool-1.4.0.tar.gz -C /usr/local/bin \
    && rm tool-1.4.0.tar.gz
USER nobody
ENTRYPOINT ["tool"]
