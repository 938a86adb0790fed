FROM mirror.gcr.io/library/ubuntu:24.04
ENV DEBIAN_FRONTEND noninteractive
ENV PATH /usr/local/bin:$PATH
RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
  apt-get update \
  && apt-get install -y --no-install-recommends \
  build-essential \
  ca-certificates \
  curl \
  git
CMD ["python3"]
