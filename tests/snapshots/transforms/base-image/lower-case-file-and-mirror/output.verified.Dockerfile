from docker.io/library/node:lts AS deps
run npm ci

from docker.io/library/node:lts-slim
copy --from=deps /node_modules /app/node_modules
cmd ["node", "/app/server.js"]
