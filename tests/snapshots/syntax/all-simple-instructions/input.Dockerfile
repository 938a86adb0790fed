FROM alpine
MAINTAINER Jane Doe <jane@example.com>
EXPOSE 80 443/tcp  8080/udp
USER app:app
WORKDIR /srv/my app
STOPSIGNAL SIGTERM
VOLUME /data /logs
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
SHELL /bin/sh -c
ENTRYPOINT exec node
CMD
