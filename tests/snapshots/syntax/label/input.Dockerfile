FROM alpine
LABEL org.opencontainers.image.title="demo" \
      version=1.0 "quoted key"=x
LABEL legacy value with spaces
