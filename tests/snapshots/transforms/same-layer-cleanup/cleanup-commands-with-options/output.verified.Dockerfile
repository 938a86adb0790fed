FROM node:20
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && apt-get clean -y \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci \
    && npm cache clean -f
