# RUSTFLAGS can carry -C debuginfo or -C strip of their own: the split adds no CARGO_PROFILE_RELEASE_STRIP
FROM rust:1 AS build
ENV RUSTFLAGS="-C debuginfo=1"
WORKDIR /app
COPY . /app
RUN --mount=type=cache,target=/app/target cargo build --release && cp target/release/tuned-server /usr/local/bin/tuned-server

FROM gcr.io/distroless/cc-debian13
ENV RUSTFLAGS="-C debuginfo=1"
WORKDIR /app
COPY --from=build /usr/local/bin/tuned-server /usr/local/bin/tuned-server
USER 65532:65532
CMD ["/usr/local/bin/tuned-server"]
