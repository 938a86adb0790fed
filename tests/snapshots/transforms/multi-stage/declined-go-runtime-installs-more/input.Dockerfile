FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/app .

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y ca-certificates graphviz && rm -rf /var/lib/apt/lists/*
COPY --from=build /bin/app /usr/local/bin/app
CMD ["app"]
