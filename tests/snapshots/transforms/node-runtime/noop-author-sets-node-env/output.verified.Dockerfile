FROM node:20-slim
WORKDIR /app
COPY . .
RUN npm ci
ENV NODE_ENV=staging
CMD ["node", "server.js"]
