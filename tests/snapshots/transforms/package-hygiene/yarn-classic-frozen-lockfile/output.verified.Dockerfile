FROM node:20
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn --frozen-lockfile \
    && yarn cache clean
COPY . .
RUN yarn build
