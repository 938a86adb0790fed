FROM python:3.12-bookworm
COPY app.py /app.py
CMD ["python", "/app.py"]
