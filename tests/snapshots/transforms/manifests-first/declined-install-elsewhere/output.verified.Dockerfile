FROM node:20
COPY . /app
WORKDIR /srv
RUN npm ci --prefix /app
CMD ["node", "/app/server.js"]
