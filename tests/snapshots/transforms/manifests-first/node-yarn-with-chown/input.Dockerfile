FROM node:20
WORKDIR /home/node/app
COPY --chown=node:node . .
USER node
RUN yarn install --frozen-lockfile
CMD ["yarn", "start"]
