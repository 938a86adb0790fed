FROM debian:bookworm-slim
MAINTAINER Jane Doe <jane@example.com>
RUN true

FROM debian:bookworm-slim
MAINTAINER $AUTHOR
