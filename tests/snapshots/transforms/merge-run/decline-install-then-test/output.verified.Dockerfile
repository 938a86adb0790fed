FROM node:20-slim
WORKDIR /app
COPY . .
RUN curl -fsSLo /tmp/fixtures.tgz https://example.com/fixtures.tgz && yarn install --frozen-lockfile
RUN yarn test && rm /tmp/fixtures.tgz
CMD ["node", "server.js"]
