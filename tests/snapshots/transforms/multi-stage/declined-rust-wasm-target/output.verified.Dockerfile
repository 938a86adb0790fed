# Shape of docker/awesome-compose wasmedge-mysql-nginx/backend/Dockerfile (18f59bd), its build as one stage
FROM rust:1.64
WORKDIR /src
RUN rustup target add wasm32-wasi
COPY Cargo.toml .
COPY src ./src
RUN cargo build --target wasm32-wasi --release
ENTRYPOINT [ "/src/target/wasm32-wasi/release/order_demo_service.wasm" ]
