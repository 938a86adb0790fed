FROM python:3.12 AS build

RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update && apt-get install -y gcc python3-dev

WORKDIR /app

RUN python -m venv /opt/venv

ENV PATH="/opt/venv/bin:$PATH"

COPY requirements.txt ./

RUN --mount=type=cache,target=/root/.cache/pip \
    pip install -r requirements.txt

COPY . .

RUN --mount=type=cache,target=/root/.cache/pip \
    pip install .
RUN pip show pip | grep -q '^Required-by: [^ ]' || pip uninstall -y pip

ENV PORT=8080

FROM python:3.12-slim

RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . .
ENV PORT=8080
EXPOSE 8080

USER app

CMD ["python", "-m", "textdist.server"]
