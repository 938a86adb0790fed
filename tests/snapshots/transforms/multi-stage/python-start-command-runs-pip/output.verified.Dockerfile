FROM python:3.12 AS build
WORKDIR /app

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY . .
RUN pip install -r requirements.txt

FROM python:3.12
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . .
CMD pip install --no-index --find-links /plugins -r /plugins/enabled.txt; exec python -m textdist.server
