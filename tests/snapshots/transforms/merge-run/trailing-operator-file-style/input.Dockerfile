FROM python:3.12-slim
RUN apt-get update && \
    apt-get install -y --no-install-recommends gcc && \
    rm -rf /var/lib/apt/lists/*
RUN pip install numpy
RUN python -c "import numpy" && \
    rm -rf /root/.cache/pip
