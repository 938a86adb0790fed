FROM debian:bookworm-slim
SHELL ["pwsh", "-Command"]
RUN curl -o /tmp/x.zip https://example.com/x.zip
RUN Expand-Archive /tmp/x.zip /opt; rm /tmp/x.zip
