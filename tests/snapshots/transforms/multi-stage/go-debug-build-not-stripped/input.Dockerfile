FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -gcflags="all=-N -l" -o /out/api .
CMD ["/out/api"]
