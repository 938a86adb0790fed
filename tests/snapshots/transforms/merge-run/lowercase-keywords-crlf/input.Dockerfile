from debian:bookworm-slim
run apt-get update
run apt-get install -y curl
