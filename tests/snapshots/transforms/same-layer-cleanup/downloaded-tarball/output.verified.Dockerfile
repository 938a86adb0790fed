FROM debian:bookworm-slim
WORKDIR /opt
RUN curl -fsSLO https://example.com/releases/tool-1.2.3.tar.gz \
    && tar -xzf tool-1.2.3.tar.gz \
    && rm -f tool-1.2.3.tar.gz
LABEL org.opencontainers.image.title=tool
