# No WORKDIR: the source lands in the base image's working directory, which the Dockerfile does not show, so the
# split cannot search it for pkg_resources and keeps the virtualenv's setuptools (pip still goes).
FROM python:3.11

RUN apt-get update && apt-get install -y gcc libffi-dev

COPY . .

RUN pip install -r requirements.txt

CMD ["python", "app.py"]
