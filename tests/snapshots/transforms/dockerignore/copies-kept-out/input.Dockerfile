FROM node:20-slim
WORKDIR /app
COPY dist/ ./dist/
COPY node_modules ./node_modules
COPY .env.production ./.env
COPY certs/*.pem /etc/certs/
COPY *.key /etc/keys/
CMD ["node", "dist/server.js"]
