FROM python:3.12-slim
WORKDIR /srv
COPY --chown=10001:10001 app/ ./

USER 10001:10001

CMD ["python", "-m", "app"]
