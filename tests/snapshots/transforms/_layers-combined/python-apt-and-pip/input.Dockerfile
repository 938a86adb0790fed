FROM python:3.12
RUN apt-get update
RUN apt-get install -y build-essential libpq-dev
RUN rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "app.py"]
