FROM python:3.12 AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev curl && rm -rf /var/lib/apt/lists/*
WORKDIR /srv

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY . .
RUN pip install --no-cache-dir -r requirements.txt
RUN { awk 'tolower($0) ~ /^requires-dist: *pip([^-_.a-z0-9]|$)/ && tolower($0) !~ /extra *==/ { found = 1 } END { exit !found }' /opt/venv/lib/python3*/site-packages/*.dist-info/METADATA 2>/dev/null \
    || grep -qsiE '^pip([^-_.a-z0-9]|$)' /opt/venv/lib/python3*/site-packages/*.egg-info/requires.txt \
    || rm -rf /opt/venv/lib/python3*/site-packages/pip /opt/venv/lib/python3*/site-packages/pip-*.dist-info /opt/venv/bin/pip /opt/venv/bin/pip3 /opt/venv/bin/pip3.*; } \
    && { awk 'tolower($0) ~ /^requires-dist: *setuptools([^-_.a-z0-9]|$)/ && tolower($0) !~ /extra *==/ { found = 1 } END { exit !found }' /opt/venv/lib/python3*/site-packages/*.dist-info/METADATA 2>/dev/null \
    || grep -qsiE '^setuptools([^-_.a-z0-9]|$)' /opt/venv/lib/python3*/site-packages/*.egg-info/requires.txt \
    || [ -n "$(find /opt/venv/lib/python3*/site-packages /srv /opt/venv/bin \( -path '/opt/venv/lib/python3*/site-packages/pip' -o -path '/opt/venv/lib/python3*/site-packages/pip-*.dist-info' -o -path '/opt/venv/bin/pip' -o -path '/opt/venv/bin/pip3' -o -path '/opt/venv/bin/pip3.*' -o -path '/opt/venv/lib/python3*/site-packages/setuptools' -o -path '/opt/venv/lib/python3*/site-packages/setuptools-*.dist-info' -o -path '/opt/venv/lib/python3*/site-packages/pkg_resources' -o -path '/opt/venv/lib/python3*/site-packages/_distutils_hack' -o -path '/opt/venv/lib/python3*/site-packages/distutils-precedence.pth' -o -name 'setup.py' \) -prune -o -path '/opt/venv/bin/*' -type f -exec grep -qsF 'from importlib.metadata import distribution' {} \; -prune -o -type f \( -name '*.py' -o -name '*.pth' -o -path '/opt/venv/bin/*' \) -exec grep -lsE 'pkg_resources|setuptools' {} +)" ] \
    || rm -rf /opt/venv/lib/python3*/site-packages/setuptools /opt/venv/lib/python3*/site-packages/setuptools-*.dist-info /opt/venv/lib/python3*/site-packages/pkg_resources /opt/venv/lib/python3*/site-packages/_distutils_hack /opt/venv/lib/python3*/site-packages/distutils-precedence.pth; }

FROM python:3.12
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 curl \
    && rm -rf /var/lib/apt/lists/*
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY . .
EXPOSE 8000
HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
