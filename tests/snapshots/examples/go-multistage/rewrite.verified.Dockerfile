# Build stage
FROM golang:1.22 AS builder

WORKDIR /src

COPY go.mod ./
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go mod download

COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/shorturl .

# Runtime stage
FROM gcr.io/distroless/static-debian12

COPY --from=builder /out/shorturl /usr/local/bin/shorturl

EXPOSE 8080

USER 65532:65532

CMD ["shorturl"]
