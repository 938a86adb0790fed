FROM alpine
RUN --mount=type=cache,target=/var/cache/apk,sharing=locked --mount=type=secret,id=npmrc,target=/root/.npmrc --mount=type=bind,from=build,source=/out,target=/in --mount=type=ssh --mount=type=tmpfs,target=/tmp --network=none --security=insecure apk add x
RUN --mount="type=cache,target=/a b" -- --not-a-flag
