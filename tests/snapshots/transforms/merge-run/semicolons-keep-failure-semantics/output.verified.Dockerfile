FROM alpine:3.20
RUN { wget -O /tmp/data.tgz https://example.com/data.tgz; mkdir -p /data; } \
    && tar xzf /tmp/data.tgz -C /data \
    && { false || echo "tolerated"; rm -f /tmp/data.tgz; }
