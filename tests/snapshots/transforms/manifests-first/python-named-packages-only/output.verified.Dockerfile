FROM python:3.12-slim
WORKDIR /app
RUN pip install --no-cache-dir flask gunicorn

COPY . .

CMD ["gunicorn", "app:app"]
