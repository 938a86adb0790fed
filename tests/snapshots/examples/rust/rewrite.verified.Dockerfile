FROM rust:1 AS build

WORKDIR /app

COPY . .

RUN --mount=type=cache,target=/app/target --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    CARGO_PROFILE_RELEASE_STRIP=debuginfo cargo build --release && cp target/release/greeter /usr/local/bin/greeter

FROM gcr.io/distroless/cc-debian13
WORKDIR /app
COPY --from=build /usr/local/bin/greeter /usr/local/bin/greeter
EXPOSE 8080
USER 65532:65532
CMD ["/usr/local/bin/greeter"]
