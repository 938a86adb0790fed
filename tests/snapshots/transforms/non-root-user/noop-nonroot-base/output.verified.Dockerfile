FROM gcr.io/distroless/python3-debian12:nonroot
COPY app.py /app.py
CMD ["/app.py"]
