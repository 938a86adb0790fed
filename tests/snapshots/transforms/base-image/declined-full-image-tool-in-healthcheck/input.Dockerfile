FROM python:3.12
COPY app.py /app.py
HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
CMD ["python", "/app.py"]
