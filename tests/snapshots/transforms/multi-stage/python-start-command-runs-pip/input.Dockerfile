FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
CMD pip install --no-index --find-links /plugins -r /plugins/enabled.txt; exec python -m textdist.server
