FROM node:20-slim
WORKDIR /app
COPY . .
USER node
RUN npm ci
USER root
CMD ["node", "index.js"]
