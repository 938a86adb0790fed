# GoogleContainerTools/distroless examples/rust/Dockerfile at cd080764af3103b2f49fb5eb23297c72c945e77a (Apache-2.0), whole file
FROM rust:1 as build-env
WORKDIR /app
COPY . /app
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12
COPY --from=build-env /app/target/release/hello-world-distroless /
CMD ["./hello-world-distroless"]
