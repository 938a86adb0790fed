# GoogleCloudPlatform/cloud-builders-community cargo/Dockerfile at 1bf46a1cc217e6afd501c6bbbbb0735ae95fa46a (Apache-2.0), whole file
FROM rust

RUN apt-get update && \
    apt-get upgrade -y && \
    rustup target add x86_64-unknown-linux-musl

VOLUME /code
WORKDIR /code

ENTRYPOINT ["cargo"]
