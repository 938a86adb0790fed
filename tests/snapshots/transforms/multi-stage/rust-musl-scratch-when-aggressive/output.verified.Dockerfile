FROM rust:1-bookworm AS build
RUN rustup target add x86_64-unknown-linux-musl
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/src/target CARGO_PROFILE_RELEASE_STRIP=debuginfo cargo build --release --locked --target x86_64-unknown-linux-musl && cp target/x86_64-unknown-linux-musl/release/pinger /usr/local/bin/pinger

FROM scratch
WORKDIR /src
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /usr/local/bin/pinger /usr/local/bin/pinger
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/pinger"]
