FROM debian:bookworm-slim
RUN apt-get update
# dockeropt ignore=merge-run
RUN apt-get install -y curl
RUN echo one
# hadolint ignore=DL3008
RUN apt-get install -y git
