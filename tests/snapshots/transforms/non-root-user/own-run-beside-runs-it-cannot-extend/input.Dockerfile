FROM ubuntu:24.04
RUN if [ -n "$X" ]; then echo yes; fi
RUN apt-get update; apt-get install -y curl
COPY app /app
CMD ["/app"]
