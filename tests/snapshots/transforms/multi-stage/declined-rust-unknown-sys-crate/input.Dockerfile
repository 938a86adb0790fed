FROM rust:1.80-slim-bookworm
WORKDIR /app
COPY . .
RUN cargo install --path . --locked
CMD ["notes"]
