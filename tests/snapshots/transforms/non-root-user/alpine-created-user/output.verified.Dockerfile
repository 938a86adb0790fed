FROM python:3.12-alpine
WORKDIR /srv

RUN addgroup -S app \
    && adduser -S -D -H -G app app

COPY . .

USER app

CMD ["python", "main.py"]
