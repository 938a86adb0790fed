FROM python:3.12-slim
COPY . /srv
WORKDIR /srv
RUN pip install --no-cache-dir -r requirements/prod.txt
CMD ["gunicorn", "app:app"]
