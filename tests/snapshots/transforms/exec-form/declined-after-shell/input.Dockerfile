FROM python:3.12-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
CMD python app.py
