FROM rust:1.75-bookworm AS build

RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*

WORKDIR /code
COPY Cargo.toml Cargo.lock ./
RUN cargo fetch
COPY . .

RUN --mount=type=cache,target=/code/target CARGO_PROFILE_RELEASE_STRIP=debuginfo cargo build --release --locked && cp target/release/todo-api /usr/local/bin/todo-api

ENV RUST_LOG=info

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libssl3 libpq5 && rm -rf /var/lib/apt/lists/*
WORKDIR /code
ENV RUST_LOG=info
EXPOSE 8000
COPY --from=build /usr/local/bin/todo-api /usr/local/bin/todo-api
ENTRYPOINT ["/usr/local/bin/todo-api", "--port", "8000"]
