ARG NODE_VERSION=20
FROM node:${NODE_VERSION}
COPY server.js /server.js
CMD ["node", "/server.js"]
