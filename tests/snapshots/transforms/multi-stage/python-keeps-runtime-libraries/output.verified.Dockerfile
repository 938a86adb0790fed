FROM python:3.12 AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev curl && rm -rf /var/lib/apt/lists/*
WORKDIR /srv

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY . .
RUN pip install --no-cache-dir -r requirements.txt
RUN pip show pip | grep -q '^Required-by: [^ ]' || pip uninstall -y pip

FROM python:3.12
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 curl && rm -rf /var/lib/apt/lists/*
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY . .
EXPOSE 8000
HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
