FROM python:3-alpine
RUN --mount=type=cache,id=apk,target=/cache/apk \
    ln -s /cache/apk /etc/apk/cache \
  && apk add --update \
    groff \
    less  \
  && pip install --no-cache-dir awscli \
  && rm -rf ~/.cache/pip
ENV PAGER=less
ENTRYPOINT ["aws"]
