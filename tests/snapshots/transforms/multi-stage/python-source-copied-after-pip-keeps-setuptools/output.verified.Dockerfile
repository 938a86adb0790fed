# The usual order: requirements, pip install, then the source. The virtualenv trim runs right after the last pip
# install, before the source is in the image, so it cannot see whether the app imports pkg_resources and keeps the
# virtualenv's setuptools (pip still goes). Before, it searched /srv/app while /srv/app was still empty.
FROM python:3.11 AS build

RUN apt-get update && apt-get install -y gcc libffi-dev

WORKDIR /srv

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY requirements.txt /srv/requirements.txt
RUN pip install -r /srv/requirements.txt
RUN awk 'tolower($0) ~ /^requires-dist: *pip([^-_.a-z0-9]|$)/ && tolower($0) !~ /extra *==/ { found = 1 } END { exit !found }' /opt/venv/lib/python3*/site-packages/*.dist-info/METADATA 2>/dev/null \
    || grep -qsiE '^pip([^-_.a-z0-9]|$)' /opt/venv/lib/python3*/site-packages/*.egg-info/requires.txt \
    || rm -rf /opt/venv/lib/python3*/site-packages/pip /opt/venv/lib/python3*/site-packages/pip-*.dist-info /opt/venv/bin/pip /opt/venv/bin/pip3 /opt/venv/bin/pip3.*

COPY app /srv/app

FROM python:3.11
RUN apt-get update \
    && apt-get install -y --no-install-recommends libffi8 \
    && rm -rf /var/lib/apt/lists/*
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY app /srv/app
CMD ["python", "-m", "app"]
