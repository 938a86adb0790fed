FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m pip install --upgrade pip && pip install -r /tmp/requirements.txt && rm -rf /tmp/requirements.txt
