# From GoogleCloudPlatform/python-docs-samples run/hello-broken: the comment above the CMD explains it, so both leave
# the builder (nothing runs it) for the runtime stage; a CMD kept in the builder would be read, and linted, twice.
FROM python:3.14 AS build

WORKDIR /app

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY . ./

# Install production dependencies.
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
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . ./

# Run the web service on container startup.
# Use gunicorn webserver with one worker process and 8 threads.
CMD exec gunicorn --bind :$PORT --workers 1 --threads 8 --timeout 0 main:app
