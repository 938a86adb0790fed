FROM debian:bookworm-slim
RUN set -eux; apt-get update
RUN echo next
RUN sleep 100 &
RUN echo after-background
RUN test -f /etc/os-release || exit 1
RUN echo after-exit \
    && echo with a comment # explains nothing
RUN echo after-comment
