FROM debian:bookworm-slim
RUN wget -O /tmp/app.tgz https://example.com/app.tgz
RUN tar -xzf /tmp/app.tgz -C /opt
RUN rm /tmp/app.tgz
