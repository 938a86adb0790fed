FROM node:20 AS build

WORKDIR /app

COPY . .

RUN npm install
RUN npm run build

ENV PORT=8080

FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
ENV PORT=8080
EXPOSE 8080
CMD npm start
