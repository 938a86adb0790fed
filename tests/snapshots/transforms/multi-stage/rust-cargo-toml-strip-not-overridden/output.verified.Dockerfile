# Cargo.toml's [profile.release] sets strip = true: the split keeps the author's setting and adds no CARGO_PROFILE_RELEASE_STRIP
FROM rust:1 AS build
WORKDIR /app
COPY . /app
RUN --mount=type=cache,target=/app/target cargo build --release && cp target/release/tiny-server /usr/local/bin/tiny-server

FROM gcr.io/distroless/cc-debian13
WORKDIR /app
COPY --from=build /usr/local/bin/tiny-server /usr/local/bin/tiny-server
USER 65532:65532
CMD ["/usr/local/bin/tiny-server"]
