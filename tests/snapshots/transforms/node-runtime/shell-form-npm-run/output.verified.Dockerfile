FROM node:20
WORKDIR /app
COPY . .
RUN npm ci

ENV NODE_ENV=production

CMD ["node", "--enable-source-maps", "dist/main.js"]
