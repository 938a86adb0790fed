FROM debian:bookworm-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*

FROM debian:bookworm-slim
# Lists come from the base image here: no RUN of this stage created them.
RUN rm -rf /var/lib/apt/lists/*
RUN rm -rf /var/lib/apt/lists/* && echo done
COPY --from=build /usr/bin/gcc /usr/local/bin/gcc
