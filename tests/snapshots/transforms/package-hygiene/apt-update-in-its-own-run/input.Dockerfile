FROM debian:bookworm-slim
RUN apt-get update
COPY install-list.txt /tmp/
RUN apt-get install curl ca-certificates
RUN DEBIAN_FRONTEND=noninteractive apt-get install -qq tzdata
