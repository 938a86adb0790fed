# The usual order: requirements, pip install, then the source. The virtualenv trim runs right after the last pip
# install, before the source is in the image, so it cannot see whether the app imports pkg_resources and keeps the
# virtualenv's setuptools (pip still goes). Before, it searched /srv/app while /srv/app was still empty.
FROM python:3.11

RUN apt-get update && apt-get install -y gcc libffi-dev

WORKDIR /srv
COPY requirements.txt /srv/requirements.txt
RUN pip install -r /srv/requirements.txt
COPY app /srv/app

CMD ["python", "-m", "app"]
