# Shape of open-telemetry/opentelemetry-demo src/shipping/Dockerfile (054282e), its native build as one stage
FROM docker.io/library/rust:1.97.1 AS build

RUN apt-get update && \
    apt-get install --no-install-recommends -y g++ libc6-dev libprotobuf-dev protobuf-compiler ca-certificates

WORKDIR /app/

COPY /src/shipping/ /app/

RUN --mount=type=cache,target=/app/target cargo build -r && cp target/release/shipping /usr/local/bin/shipping

FROM gcr.io/distroless/cc-debian13
WORKDIR /app/
COPY --from=build /usr/local/bin/shipping /usr/local/bin/shipping
EXPOSE ${SHIPPING_PORT}
USER 65532:65532
CMD ["/usr/local/bin/shipping"]
