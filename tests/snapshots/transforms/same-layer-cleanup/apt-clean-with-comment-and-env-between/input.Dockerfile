FROM ubuntu:22.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential \
        git
ENV LANG=C.UTF-8
# Clean up to keep the image small
RUN apt-get clean && rm -rf /var/lib/apt/lists/*
WORKDIR /src
