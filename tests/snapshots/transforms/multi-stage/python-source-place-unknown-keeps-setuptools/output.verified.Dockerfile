# No WORKDIR: the source lands in the base image's working directory, which the Dockerfile does not show, so the
# split cannot search it for pkg_resources and keeps the virtualenv's setuptools (pip still goes).
FROM python:3.11 AS build

RUN apt-get update && apt-get install -y gcc libffi-dev
RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY . .

RUN pip install -r requirements.txt
RUN awk 'tolower($0) ~ /^requires-dist: *pip([^-_.a-z0-9]|$)/ && tolower($0) !~ /extra *==/ { found = 1 } END { exit !found }' /opt/venv/lib/python3*/site-packages/*.dist-info/METADATA 2>/dev/null \
    || grep -qsiE '^pip([^-_.a-z0-9]|$)' /opt/venv/lib/python3*/site-packages/*.egg-info/requires.txt \
    || rm -rf /opt/venv/lib/python3*/site-packages/pip /opt/venv/lib/python3*/site-packages/pip-*.dist-info /opt/venv/bin/pip /opt/venv/bin/pip3 /opt/venv/bin/pip3.*

FROM python:3.11
RUN apt-get update \
    && apt-get install -y --no-install-recommends libffi8 \
    && rm -rf /var/lib/apt/lists/*
ENV PATH="/opt/venv/bin:$PATH"
COPY --from=build /opt/venv /opt/venv
COPY . .
CMD ["python", "app.py"]
