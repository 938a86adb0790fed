FROM python:3.12-slim
WORKDIR /app

RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

COPY . .
EXPOSE 80

USER app

CMD ["python", "-m", "http.server", "80"]
