FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit \
    && npm cache clean --force
COPY . .
RUN npm run build
CMD ["npm", "start"]
