FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y curl && set -e
RUN rm -rf /var/lib/apt/lists/* && echo done
ENV A=1
RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz
RUN sleep 100 & rm /tmp/a.tgz
ENV B=2
RUN curl -fsSLo /tmp/b.tgz https://example.com/b.tgz || exit 1
RUN rm /tmp/b.tgz && echo done
ENV C=3
RUN curl -fsSLo /tmp/c.tgz https://example.com/c.tgz # fetch
RUN tar xzf /tmp/c.tgz && rm /tmp/c.tgz
