FROM node:20
RUN npm install -g pm2 \
    && npm cache clean --force
WORKDIR /app
COPY package.json ./
RUN npm install
RUN npm install express@4
