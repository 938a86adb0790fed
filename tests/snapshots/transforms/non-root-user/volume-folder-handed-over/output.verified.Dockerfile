FROM python:slim

WORKDIR /app

RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

# Copy requirements first for better docker layer caching
COPY requirements.txt .

RUN pip install --no-cache-dir -r requirements.txt

# Copy the rest of the application
COPY . .

RUN mkdir -p /app/data \
    && chown app:app /app/data

VOLUME /app/data

USER app

ENTRYPOINT ["./docker-entrypoint.sh"]

CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]

