FROM node:20 AS base
WORKDIR /app

FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci

COPY . .

RUN npm run build
