# From GoogleCloudPlatform/python-docs-samples composer/blog/gcp-tech-blog/unit-test-dags-cloud-build: the requirements
# files are copied (before any WORKDIR) only for pip -r. The runtime stage has the virtualenv they describe and does
# not copy them again; the later COPY . ./ still brings them into /dags.
FROM python:3.14 AS build

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY requirements.txt ./
COPY requirements-composer.txt ./
COPY requirements-test.txt ./

RUN pip install --no-cache-dir -r requirements.txt
RUN pip install --no-cache-dir -r requirements-test.txt
RUN pip install --no-cache-dir -r requirements-composer.txt
RUN awk 'tolower($0) ~ /^requires-dist: *pip([^-_.a-z0-9]|$)/ && tolower($0) !~ /extra *==/ { found = 1 } END { exit !found }' /opt/venv/lib/python3*/site-packages/*.dist-info/METADATA 2>/dev/null \
    || grep -qsiE '^pip([^-_.a-z0-9]|$)' /opt/venv/lib/python3*/site-packages/*.egg-info/requires.txt \
    || rm -rf /opt/venv/lib/python3*/site-packages/pip /opt/venv/lib/python3*/site-packages/pip-*.dist-info /opt/venv/bin/pip /opt/venv/bin/pip3 /opt/venv/bin/pip3.*

WORKDIR /dags
COPY . ./

FROM python:3.14
ENV PATH="/opt/venv/bin:$PATH"
COPY --from=build /opt/venv /opt/venv
WORKDIR /dags
COPY . ./
CMD ["pytest", "-s", "dags/example_dag_test.py"]
