FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -gcflags="all=-N -l" -o /out/api .

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /out/api /out/api
USER 65532:65532
CMD ["/out/api"]
