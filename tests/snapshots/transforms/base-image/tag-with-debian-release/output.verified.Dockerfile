FROM python:3.12-slim-bookworm
COPY app.py /app.py
CMD ["python", "/app.py"]
