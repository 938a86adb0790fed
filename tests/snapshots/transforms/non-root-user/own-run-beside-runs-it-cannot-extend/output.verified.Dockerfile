FROM ubuntu:24.04
RUN if [ -n "$X" ]; then echo yes; fi
RUN apt-get update; apt-get install -y curl
RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

COPY app /app

USER app

CMD ["/app"]
