FROM node:20
COPY package.json package-lock.json /app/
WORKDIR /app
RUN npm install

ADD . /app

CMD ["npm", "start"]
