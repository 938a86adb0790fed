FROM ghcr.io/acme/node:20
COPY server.js /server.js
CMD ["node", "/server.js"]
