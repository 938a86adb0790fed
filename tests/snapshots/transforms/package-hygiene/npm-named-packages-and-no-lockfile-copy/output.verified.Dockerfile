FROM node:20
RUN npm install -g pm2 \
    && npm cache clean --force
WORKDIR /app
COPY package.json ./
RUN npm install \
    && npm cache clean --force
RUN npm install express@4 \
    && npm cache clean --force
