FROM alpine:3.20
RUN { mkdir -p /data; chown nobody /data; } \
    && touch /data/ready \
    && { false || echo "tolerated"; }
