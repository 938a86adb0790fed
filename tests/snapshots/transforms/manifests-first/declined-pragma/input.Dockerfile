FROM node:20
WORKDIR /app
# dockeropt ignore=manifests-first
COPY . .
RUN npm ci
CMD ["node", "server.js"]
