FROM node:20 AS base
WORKDIR /app

FROM base AS build
COPY . .
RUN npm ci
RUN npm run build
