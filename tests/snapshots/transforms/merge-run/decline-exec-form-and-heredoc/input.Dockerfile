FROM debian:bookworm-slim
RUN apt-get update
RUN ["apt-get", "install", "-y", "curl"]
RUN <<EOT
echo hello > /greeting
EOT
RUN rm -rf /var/lib/apt/lists/*
