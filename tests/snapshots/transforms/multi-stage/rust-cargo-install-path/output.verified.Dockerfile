FROM rust:1.80-slim-bookworm AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/app/target cargo install --path . --locked
USER 1000

FROM gcr.io/distroless/cc-debian12
WORKDIR /app
COPY --from=build /usr/local/cargo/bin/notes /usr/local/bin/notes
USER 1000
CMD ["/usr/local/bin/notes", "--listen", "0.0.0.0:3000"]
