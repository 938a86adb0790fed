FROM python:3.12-slim
COPY requirements/prod.txt requirements/base.txt /srv/requirements/
WORKDIR /srv
RUN pip install --no-cache-dir -r requirements/prod.txt

COPY . /srv

CMD ["gunicorn", "app:app"]
