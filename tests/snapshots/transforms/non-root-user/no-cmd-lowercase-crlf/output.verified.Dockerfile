from node:20-alpine
workdir /app
copy --chown=node:node . .
run npm ci
user node
