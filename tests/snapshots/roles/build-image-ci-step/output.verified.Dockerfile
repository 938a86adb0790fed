FROM python:latest
LABEL MAINTAINER=marcin.niemira@gmail.com

RUN --mount=type=cache,target=/root/.cache/pip \
    pip3 install bandit

ENTRYPOINT ["bandit"]
