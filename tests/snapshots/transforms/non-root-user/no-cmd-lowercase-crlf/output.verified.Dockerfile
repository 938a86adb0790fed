from node:20-alpine
workdir /app
copy . .
run npm ci

user node
