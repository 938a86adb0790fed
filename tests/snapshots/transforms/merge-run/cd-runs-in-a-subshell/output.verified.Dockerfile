FROM golang:1.22
RUN (cd /src/tool && go build -o /usr/local/bin/tool .) \
    && tool --version
