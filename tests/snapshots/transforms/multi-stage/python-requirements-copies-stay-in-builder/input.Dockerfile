# From GoogleCloudPlatform/python-docs-samples composer/blog/gcp-tech-blog/unit-test-dags-cloud-build: the requirements
# files are copied (before any WORKDIR) only for pip -r. The runtime stage has the virtualenv they describe and does
# not copy them again; the later COPY . ./ still brings them into /dags.
FROM python:3.14

COPY requirements.txt ./
COPY requirements-composer.txt ./
COPY requirements-test.txt ./

RUN pip install --no-cache-dir -r requirements.txt
RUN pip install --no-cache-dir -r requirements-test.txt
RUN pip install --no-cache-dir -r requirements-composer.txt

WORKDIR /dags
COPY . ./
CMD ["pytest", "-s", "dags/example_dag_test.py"]
