FROM alpine:3.20
RUN wget -O /tmp/data.tgz https://example.com/data.tgz; mkdir -p /data
RUN tar xzf /tmp/data.tgz -C /data
RUN false || echo "tolerated"; rm -f /tmp/data.tgz
