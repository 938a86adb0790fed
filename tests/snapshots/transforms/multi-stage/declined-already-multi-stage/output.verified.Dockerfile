FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /out/app .

FROM golang:1.22
COPY --from=build /out/app /app
RUN go version
CMD ["/app"]
