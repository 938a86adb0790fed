FROM python:3.12 AS build
WORKDIR /app

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY . .
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install -r requirements.txt
RUN pip show pip | grep -q '^Required-by: [^ ]' || pip uninstall -y pip

FROM python:3.12-slim

RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . .

USER app
