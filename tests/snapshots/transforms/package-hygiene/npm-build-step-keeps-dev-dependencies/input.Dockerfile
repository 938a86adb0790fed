FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit
COPY . .
RUN npm run build
CMD ["npm", "start"]
