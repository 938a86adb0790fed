FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -v -ldflags "-s -w -X main.version=1.4.2" -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /out/api /out/api
EXPOSE 8080
USER 65532:65532

# the binary reads PORT
ENTRYPOINT ["/out/api"]
