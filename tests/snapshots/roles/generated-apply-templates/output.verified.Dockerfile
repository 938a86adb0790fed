#
# NOTE: THIS DOCKERFILE IS GENERATED VIA "apply-templates.sh"
#
# PLEASE DO NOT EDIT IT DIRECTLY.
#

FROM alpine:3.23

RUN apk add --no-cache ca-certificates curl tar xz

ENTRYPOINT ["docker-php-entrypoint"]
CMD ["php", "-a"]
