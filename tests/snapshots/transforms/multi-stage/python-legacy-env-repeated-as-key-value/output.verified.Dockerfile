# From GoogleCloudPlatform/python-docs-samples run/pubsub: the author writes ENV in the legacy 'key value' form. The
# author's lines stay as written (exec-form only advises); the runtime stage's copies are new text, written key=value.
FROM python:3.14 AS build

# Allow statements and log messages to immediately appear in the Cloud Run logs
ENV PYTHONUNBUFFERED True
ENV APP_HOME /app
WORKDIR /app

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY . ./

RUN pip install -r requirements.txt
RUN { awk 'tolower($0) ~ /^requires-dist: *pip([^-_.a-z0-9]|$)/ && tolower($0) !~ /extra *==/ { found = 1 } END { exit !found }' /opt/venv/lib/python3*/site-packages/*.dist-info/METADATA 2>/dev/null \
    || grep -qsiE '^pip([^-_.a-z0-9]|$)' /opt/venv/lib/python3*/site-packages/*.egg-info/requires.txt \
    || rm -rf /opt/venv/lib/python3*/site-packages/pip /opt/venv/lib/python3*/site-packages/pip-*.dist-info /opt/venv/bin/pip /opt/venv/bin/pip3 /opt/venv/bin/pip3.*; } \
    && { awk 'tolower($0) ~ /^requires-dist: *setuptools([^-_.a-z0-9]|$)/ && tolower($0) !~ /extra *==/ { found = 1 } END { exit !found }' /opt/venv/lib/python3*/site-packages/*.dist-info/METADATA 2>/dev/null \
    || grep -qsiE '^setuptools([^-_.a-z0-9]|$)' /opt/venv/lib/python3*/site-packages/*.egg-info/requires.txt \
    || [ -n "$(find /opt/venv/lib/python3*/site-packages /app /opt/venv/bin \( -path '/opt/venv/lib/python3*/site-packages/pip' -o -path '/opt/venv/lib/python3*/site-packages/pip-*.dist-info' -o -path '/opt/venv/bin/pip' -o -path '/opt/venv/bin/pip3' -o -path '/opt/venv/bin/pip3.*' -o -path '/opt/venv/lib/python3*/site-packages/setuptools' -o -path '/opt/venv/lib/python3*/site-packages/setuptools-*.dist-info' -o -path '/opt/venv/lib/python3*/site-packages/pkg_resources' -o -path '/opt/venv/lib/python3*/site-packages/_distutils_hack' -o -path '/opt/venv/lib/python3*/site-packages/distutils-precedence.pth' -o -name 'setup.py' \) -prune -o -path '/opt/venv/bin/*' -type f -exec grep -qsF 'from importlib.metadata import distribution' {} \; -prune -o -type f \( -name '*.py' -o -name '*.pth' -o -path '/opt/venv/bin/*' \) -exec grep -lsE 'pkg_resources|setuptools' {} +)" ] \
    || rm -rf /opt/venv/lib/python3*/site-packages/setuptools /opt/venv/lib/python3*/site-packages/setuptools-*.dist-info /opt/venv/lib/python3*/site-packages/pkg_resources /opt/venv/lib/python3*/site-packages/_distutils_hack /opt/venv/lib/python3*/site-packages/distutils-precedence.pth; }

FROM python:3.14
ENV PATH="/opt/venv/bin:$PATH"
ENV PYTHONUNBUFFERED=True
ENV APP_HOME=/app
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . ./
CMD ["gunicorn", "--bind", ":8080", "--workers", "1", "main:app"]
