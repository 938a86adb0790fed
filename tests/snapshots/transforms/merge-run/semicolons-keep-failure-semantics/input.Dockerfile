FROM alpine:3.20
RUN mkdir -p /data; chown nobody /data
RUN touch /data/ready
RUN false || echo "tolerated"
