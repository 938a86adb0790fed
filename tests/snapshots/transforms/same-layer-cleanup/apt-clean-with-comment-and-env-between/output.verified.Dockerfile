FROM ubuntu:22.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential \
        git \
    # Clean up to keep the image small
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
WORKDIR /src
