# Shape of docker/awesome-compose react-rust-postgres/backend/Dockerfile (18f59bd), its base + development stages as one
FROM rust:buster

ENV USER=root
ENV ROCKET_ADDRESS=0.0.0.0
ENV ROCKET_ENV=development

WORKDIR /code
RUN cargo init
COPY Cargo.toml /code/Cargo.toml
RUN cargo fetch
COPY . /code

EXPOSE 8000

CMD [ "cargo", "run", "--offline" ]
