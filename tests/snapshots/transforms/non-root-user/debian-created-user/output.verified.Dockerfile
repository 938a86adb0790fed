FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
COPY config/app.ini /etc/app.ini
EXPOSE 8000

USER app

CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
