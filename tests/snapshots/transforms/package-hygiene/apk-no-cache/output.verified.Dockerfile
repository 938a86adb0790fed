FROM alpine:3.20
RUN apk add --no-cache curl bash
RUN apk add --no-cache jq
