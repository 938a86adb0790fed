FROM golang:1.22 AS build
RUN go build -o /out/app .

FROM gcr.io/distroless/static-debian12 AS runtime
COPY --from=build /out/app /app
CMD ["/app", "--listen", ":8080"]

FROM scratch
COPY --from=build /out/app /app
CMD /app --listen $PORT
