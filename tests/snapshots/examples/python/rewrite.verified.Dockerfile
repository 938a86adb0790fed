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
RUN sp=$(echo /opt/venv/lib/python3*/site-packages) \
    && { { grep -hsiE '^Requires-Dist: *pip([^-_.a-z0-9]|$)' $sp/*.dist-info/METADATA | grep -qvi 'extra *=='; } \
    || grep -qsiE '^pip([^-_.a-z0-9]|$)' $sp/*.egg-info/requires.txt \
    || rm -rf $sp/pip $sp/pip-*.dist-info /opt/venv/bin/pip /opt/venv/bin/pip3 /opt/venv/bin/pip3.*; } \
    && { { grep -hsiE '^Requires-Dist: *setuptools([^-_.a-z0-9]|$)' $sp/*.dist-info/METADATA | grep -qvi 'extra *=='; } \
    || grep -qsiE '^setuptools([^-_.a-z0-9]|$)' $sp/*.egg-info/requires.txt \
    || find $sp /app /opt/venv/bin \( -path "$sp/pip" -o -path "$sp/pip-*.dist-info" -o -path '/opt/venv/bin/pip' -o -path '/opt/venv/bin/pip3' -o -path '/opt/venv/bin/pip3.*' -o -path "$sp/setuptools" -o -path "$sp/setuptools-*.dist-info" -o -path "$sp/pkg_resources" -o -path "$sp/_distutils_hack" -o -path "$sp/distutils-precedence.pth" -o -name 'setup.py' \) -prune -o -type f \( -name '*.py' -o -name '*.pth' -o -path '/opt/venv/bin/*' \) -exec grep -lsE 'pkg_resources|setuptools' {} + | xargs -r grep -L 'from importlib.metadata import distribution' | grep -q . \
    || rm -rf $sp/setuptools $sp/setuptools-*.dist-info $sp/pkg_resources $sp/_distutils_hack $sp/distutils-precedence.pth; }

ENV PORT=8080

FROM python:3.12-slim
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /app

RUN groupadd --system app \
    && useradd --system --gid app --no-create-home app

COPY --from=build /opt/venv /opt/venv
COPY . .
ENV PORT=8080
EXPOSE 8080

USER app

CMD ["python", "-m", "textdist.server"]
