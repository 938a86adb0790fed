FROM rust:1.80-slim-bookworm
WORKDIR /app
COPY . .
RUN cargo install --path . --locked
USER 1000
CMD ["notes", "--listen", "0.0.0.0:3000"]
