FROM python:3.12-slim
RUN apt-get update && \
    apt-get install -y --no-install-recommends gcc && \
    pip install --no-cache-dir numpy && \
    python -c "import numpy" && \
    rm -rf /var/lib/apt/lists/*
