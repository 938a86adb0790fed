FROM debian:bookworm-slim
RUN ["apt-get", "install", "-y", "curl"]
RUN rm -rf /var/lib/apt/lists/*
