FROM node:20-slim
WORKDIR /app
COPY --chown=node:node . .
USER node
RUN npm ci
USER node
CMD ["node", "index.js"]
