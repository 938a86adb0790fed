FROM alpine:3.20
RUN apk update && apk add curl bash
RUN apk add --no-cache jq
