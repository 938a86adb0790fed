# Shape of GoogleContainerTools/distroless examples/rust/Dockerfile (cd08076) as one stage: build and run in rust:1
FROM rust:1
WORKDIR /app
COPY . /app
RUN cargo build --release
CMD ["./target/release/hello-world-distroless"]
