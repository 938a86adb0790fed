FROM rust:1.75-bookworm

RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*

WORKDIR /code
COPY Cargo.toml Cargo.lock ./
RUN cargo fetch
COPY . .

ENV RUST_LOG=info
EXPOSE 8000

CMD ["cargo", "run", "--release", "--locked", "--", "--port", "8000"]
