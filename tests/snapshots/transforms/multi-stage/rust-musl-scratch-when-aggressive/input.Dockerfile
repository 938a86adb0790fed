FROM rust:1-bookworm
RUN rustup target add x86_64-unknown-linux-musl
WORKDIR /src
COPY . .
RUN cargo build --release --locked --target x86_64-unknown-linux-musl
ENTRYPOINT ["/src/target/x86_64-unknown-linux-musl/release/pinger"]
