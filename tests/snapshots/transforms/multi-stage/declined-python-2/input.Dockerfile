FROM python:2

RUN pip install apache-beam[gcp]
