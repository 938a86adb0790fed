FROM mycompany/base:1.4
COPY app /app
CMD ["/app"]
