FROM python:3.12
RUN apt-get update && apt-get install -y gcc python3-dev
WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .

RUN pip install .
CMD python -m app
