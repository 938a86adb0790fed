# Shape of GoogleContainerTools/distroless examples/rust/Dockerfile (cd08076) as one stage: build and run in rust:1
FROM rust:1 AS build
WORKDIR /app
COPY . /app
RUN --mount=type=cache,target=/app/target CARGO_PROFILE_RELEASE_STRIP=debuginfo cargo build --release && cp target/release/hello-world-distroless /usr/local/bin/hello-world-distroless

FROM gcr.io/distroless/cc-debian13
WORKDIR /app
COPY --from=build /usr/local/bin/hello-world-distroless /usr/local/bin/hello-world-distroless
USER 65532:65532
CMD ["/usr/local/bin/hello-world-distroless"]
