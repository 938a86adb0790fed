FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-slim
WORKDIR /app
RUN npm install -g serve
USER node
RUN serve --version
COPY --from=build /app/dist ./dist
CMD ["serve", "dist"]
