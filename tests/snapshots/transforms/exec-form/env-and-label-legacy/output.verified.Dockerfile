FROM node:20-slim
ENV NODE_ENV production
ENV PATH /opt/app/bin:$PATH
ENV GREETING hello   big world
ENV QUOTED "already one word"
ENV MIXED "a b" c
LABEL description A small web app
ENV A=1 B=2
