FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -v -ldflags "-X main.version=1.4.2" -o /out/api ./cmd/api
EXPOSE 8080
# the binary reads PORT
ENTRYPOINT ["/out/api"]
