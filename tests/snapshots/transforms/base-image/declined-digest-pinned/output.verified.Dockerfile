FROM node:20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
COPY server.js /server.js
CMD ["node", "/server.js"]
