FROM node:20
WORKDIR /app
COPY . .
RUN npm ci \
    && npm cache clean --force
CMD ["npm", "start"]
