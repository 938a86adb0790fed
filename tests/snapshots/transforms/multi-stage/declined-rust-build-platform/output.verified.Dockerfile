# Shape of open-telemetry/opentelemetry-demo src/shipping/Dockerfile (054282e): its builder's FROM, the native build as one stage
FROM --platform=${BUILDPLATFORM} docker.io/library/rust:1.97.1

WORKDIR /app/

COPY /src/shipping/ /app/

RUN cargo build -r

CMD ["./target/release/shipping"]
