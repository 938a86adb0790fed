FROM python:3.12-alpine

RUN addgroup -S app \
    && adduser -S -D -H -G app app

WORKDIR /srv
COPY . .

USER app

CMD ["python", "main.py"]
