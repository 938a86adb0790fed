FROM python:3.12-slim
RUN --mount=type=bind,source=.env,target=/run/.env --mount=type=cache,target=/root/.cache/pip pip install -r /run/.env
ARG CONFIG=settings.pem
COPY ${CONFIG} /etc/app/
