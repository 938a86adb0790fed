FROM node:20-slim
CMD npm run migrate && npm start

FROM node:20-slim
CMD node server.js | tee /var/log/app.log

FROM node:20-slim
CMD node server.js --port $PORT

FROM node:20-slim
CMD NODE_ENV=production node server.js

FROM node:20-slim
CMD cd /app; node server.js

FROM python:3.12-slim
CMD python manage.py runserver > /tmp/log 2>&1

FROM python:3.12-slim
CMD python ~/app.py

FROM python:3.12-slim
CMD python *.py

FROM python:3.12-slim
CMD source venv/bin/activate
