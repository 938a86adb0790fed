FROM alpine
HEALTHCHECK --interval=30s --timeout=3s \
  CMD curl -f http://localhost/ || exit 1
HEALTHCHECK CMD ["wget", "-q", "localhost"]
HEALTHCHECK NONE
HEALTHCHECK NONE extra
HEALTHCHECK CHECK me
