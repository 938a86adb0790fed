FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /bin/app .

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /bin/app /app
ENTRYPOINT ["/app"]
