FROM python:3.12 AS build

RUN apt-get update && apt-get install -y gcc python3-dev

WORKDIR /app

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY . .

RUN pip install -r requirements.txt
RUN pip install .
RUN pip show pip | grep -q '^Required-by: [^ ]' || pip uninstall -y pip

ENV PORT=8080

FROM python:3.12
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . .
ENV PORT=8080
EXPOSE 8080
CMD python -m textdist.server
