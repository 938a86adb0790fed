FROM python:3.12-slim
RUN useradd --create-home app
USER app
WORKDIR /home/app
COPY requirements.txt .
RUN pip install --user --no-cache-dir -r requirements.txt
