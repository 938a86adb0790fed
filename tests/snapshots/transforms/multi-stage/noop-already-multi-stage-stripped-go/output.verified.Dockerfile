FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w -X main.version=2' -o /out/server .

FROM scratch
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
