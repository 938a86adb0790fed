FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./

RUN go mod download

COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .
ENTRYPOINT ["/out/app"]
