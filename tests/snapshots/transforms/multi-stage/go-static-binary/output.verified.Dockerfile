FROM golang:1.22 AS build

WORKDIR /app

COPY . .

RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o server .

FROM gcr.io/distroless/static-debian12
WORKDIR /app
COPY --from=build /app/server /app/server
EXPOSE 8080
USER 65532:65532
CMD ["/app/server"]
