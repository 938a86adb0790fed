FROM python:3.12-slim
WORKDIR /app
COPY .env* ./
COPY Dockerfile.runtime /app/
COPY . .
CMD ["python", "app.py"]
