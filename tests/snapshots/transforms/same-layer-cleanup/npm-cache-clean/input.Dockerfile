FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
RUN npm cache clean --force
COPY . .
CMD ["node", "server.js"]
