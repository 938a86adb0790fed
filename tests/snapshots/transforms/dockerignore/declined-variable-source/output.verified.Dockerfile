FROM python:3.12-slim
ARG APP_DIR
COPY ${APP_DIR} /app
