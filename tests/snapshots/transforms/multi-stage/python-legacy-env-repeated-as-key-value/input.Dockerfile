# From GoogleCloudPlatform/python-docs-samples run/pubsub: the author writes ENV in the legacy 'key value' form. The
# author's lines stay as written (exec-form only advises); the runtime stage's copies are new text, written key=value.
FROM python:3.14

# Allow statements and log messages to immediately appear in the Cloud Run logs
ENV PYTHONUNBUFFERED True
ENV APP_HOME /app
WORKDIR /app
COPY . ./

RUN pip install -r requirements.txt

CMD ["gunicorn", "--bind", ":8080", "--workers", "1", "main:app"]
