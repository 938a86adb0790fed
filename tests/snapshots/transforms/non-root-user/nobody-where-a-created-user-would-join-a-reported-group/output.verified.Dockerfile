FROM alpine

RUN apk add --no-cache cmatrix

USER nobody

ENTRYPOINT ["cmatrix"]

CMD ["-abs"]
