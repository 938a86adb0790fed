FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN -- npm ci
RUN --network=host -- npm install --omit=dev
RUN -- apt-get update && apt-get install -y curl
