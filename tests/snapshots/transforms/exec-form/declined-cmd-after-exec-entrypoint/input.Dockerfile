FROM node:20-slim AS base
ENTRYPOINT ["docker-entrypoint.sh"]

FROM base
CMD node server.js
