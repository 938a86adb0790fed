FROM python:3.12-slim
RUN useradd --create-home appuser
WORKDIR /home/appuser
COPY --chown=appuser . .
USER appuser
CMD ["python", "app.py"]
