FROM python:3.12-slim
RUN python -m pip install --upgrade pip && pip install -r /tmp/requirements.txt && rm -rf /root/.cache /tmp/requirements.txt
