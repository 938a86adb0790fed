FROM node:20
RUN npm install -g \
      pnpm \
      typescript
RUN pnpm --version \
    && tsc --version \
    && rm -rf /root/.npm
