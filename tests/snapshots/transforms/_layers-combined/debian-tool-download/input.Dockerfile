FROM debian:bookworm-slim
RUN apt-get update
RUN apt-get install curl ca-certificates
RUN curl -fsSLO https://example.com/releases/tool-1.4.0.tar.gz && tar -xzf tool-1.4.0.tar.gz -C /usr/local/bin
RUN rm tool-1.4.0.tar.gz
RUN apt-get clean
USER nobody
ENTRYPOINT ["tool"]
