FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir .

FROM node:20-slim
COPY . /web
RUN cd /web && git describe --tags > version.txt
