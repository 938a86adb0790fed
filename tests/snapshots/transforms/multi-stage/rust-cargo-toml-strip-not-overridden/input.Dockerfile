# Cargo.toml's [profile.release] sets strip = true: the split keeps the author's setting and adds no CARGO_PROFILE_RELEASE_STRIP
FROM rust:1
WORKDIR /app
COPY . /app
RUN cargo build --release
CMD ["./target/release/tiny-server"]
