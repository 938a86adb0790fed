FROM debian:bookworm-slim
LABEL maintainer="Jane Doe <jane@example.com>"
RUN true

FROM debian:bookworm-slim
MAINTAINER $AUTHOR
