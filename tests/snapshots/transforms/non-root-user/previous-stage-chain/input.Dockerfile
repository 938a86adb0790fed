FROM python:3.12-slim AS base
RUN pip install --no-cache-dir flask

FROM base
WORKDIR /app
COPY app.py .
CMD ["flask", "run", "--host=0.0.0.0"]
