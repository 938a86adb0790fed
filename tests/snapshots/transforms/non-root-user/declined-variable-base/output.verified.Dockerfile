ARG BASE
FROM ${BASE}
COPY app /app
CMD ["/app"]
