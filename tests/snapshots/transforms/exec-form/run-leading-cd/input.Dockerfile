FROM node:20-slim
COPY . /src
RUN cd /src && npm ci && npm run build
RUN npm --prefix /src test
