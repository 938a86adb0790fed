# check=skip=JSONArgsRecommended
FROM node:20-slim
# dockeropt ignore=exec-form
CMD node server.js

FROM node:20-slim
# hadolint ignore=DL3025
CMD node worker.js

FROM node:20-slim
CMD ["node", "other.js"]

FROM node:20-slim
# dockeropt ignore=exec-form
ENV QUIET yes
ENV LOUD yes
CMD ["node", "other.js"]
