FROM alpine
CMD ["python", \
     "-m", \
     "http.server"]
