FROM alpine
CMD ["node", "server.js", "--port=\"80\"", "\u00e9\t"]
ENTRYPOINT [ "/docker-entrypoint.sh" ]
RUN []
VOLUME ["/data", "/logs"]
COPY ["a b.txt", "/dest/"]
