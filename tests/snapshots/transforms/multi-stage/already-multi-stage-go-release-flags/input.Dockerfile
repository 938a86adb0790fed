FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/ ./cmd/...
RUN go build -ldflags="-X main.commit=${COMMIT}" -o /out/tool ./cmd/tool
RUN go build -o /src/bin/unused ./cmd/unused

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/server /server
COPY --from=build /out/tool /tool
ENTRYPOINT ["/server"]
