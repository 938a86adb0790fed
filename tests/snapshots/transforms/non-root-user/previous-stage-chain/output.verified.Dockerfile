FROM python:3.12-slim AS base
RUN pip install --no-cache-dir flask

FROM base
WORKDIR /app

RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

COPY app.py .

USER app

CMD ["flask", "run", "--host=0.0.0.0"]
