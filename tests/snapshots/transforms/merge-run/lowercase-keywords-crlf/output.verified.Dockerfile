from debian:bookworm-slim
run apt-get update \
    && apt-get install -y curl
