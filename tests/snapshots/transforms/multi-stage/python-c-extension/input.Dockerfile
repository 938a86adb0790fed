FROM python:3.12

RUN apt-get update && apt-get install -y gcc python3-dev

WORKDIR /app

COPY . .

RUN pip install -r requirements.txt
RUN pip install .

ENV PORT=8080
EXPOSE 8080

CMD python -m textdist.server
