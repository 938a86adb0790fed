FROM ubuntu:24.04
RUN apt-get update && apt-get install -y python3-pip
COPY . /app
RUN pip install -r /app/requirements.txt
CMD ["python3", "/app/main.py"]
