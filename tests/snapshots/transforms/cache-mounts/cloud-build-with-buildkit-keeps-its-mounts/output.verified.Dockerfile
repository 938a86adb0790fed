FROM launcher.gcr.io/google/ubuntu1804
LABEL MAINTAINER marcin.niemira@gmail.com

RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update && \
    apt-get -y install shellcheck

ENTRYPOINT ["shellcheck"]
