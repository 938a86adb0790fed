FROM node:20-slim
ENV NODE_ENV=production
LABEL maintainer="Jane Doe"
ENTRYPOINT ["node"]
CMD ["server.js"]
