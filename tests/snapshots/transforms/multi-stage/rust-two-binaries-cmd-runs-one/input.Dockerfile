# Shape of open-telemetry/opentelemetry-demo src/shipping/Dockerfile (054282e), its native build as one stage
FROM docker.io/library/rust:1.97.1

RUN apt-get update && \
    apt-get install --no-install-recommends -y g++ libc6-dev libprotobuf-dev protobuf-compiler ca-certificates

WORKDIR /app/

COPY /src/shipping/ /app/

RUN cargo build -r

EXPOSE ${SHIPPING_PORT}

CMD ["./target/release/shipping"]
