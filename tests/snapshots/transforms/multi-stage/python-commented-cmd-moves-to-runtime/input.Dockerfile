# From GoogleCloudPlatform/python-docs-samples run/hello-broken: the comment above the CMD explains it, so both leave
# the builder (nothing runs it) for the runtime stage; a CMD kept in the builder would be read, and linted, twice.
FROM python:3.14

WORKDIR /app
COPY . ./

# Install production dependencies.
RUN pip install -r requirements.txt

# Run the web service on container startup.
# Use gunicorn webserver with one worker process and 8 threads.
CMD exec gunicorn --bind :$PORT --workers 1 --threads 8 --timeout 0 main:app
