# check=skip=JSONArgsRecommended
FROM node:20-slim
# dockeropt ignore=exec-form
CMD node server.js

FROM node:20-slim
# hadolint ignore=DL3025
CMD node worker.js

FROM node:20-slim
CMD ["node", "other.js"]
