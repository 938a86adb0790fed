FROM --platform=$BUILDPLATFORM golang:1.22 AS build
FROM build as test
FROM scratch
FROM alpine AS
FROM alpine AS 1bad
FROM
