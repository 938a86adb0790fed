FROM alpine:3.20
RUN addgroup -S app && adduser -S app -G app
COPY app /usr/local/bin/app
USER app
CMD ["app"]
