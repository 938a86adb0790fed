FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    -- npm ci
RUN --network=host --mount=type=cache,target=/root/.npm \
    -- npm install --omit=dev
RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    -- apt-get update && apt-get install -y curl
