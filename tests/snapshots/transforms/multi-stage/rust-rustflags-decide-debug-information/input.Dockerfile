# RUSTFLAGS can carry -C debuginfo or -C strip of their own: the split adds no CARGO_PROFILE_RELEASE_STRIP
FROM rust:1
ENV RUSTFLAGS="-C debuginfo=1"
WORKDIR /app
COPY . /app
RUN cargo build --release
CMD ["./target/release/tuned-server"]
