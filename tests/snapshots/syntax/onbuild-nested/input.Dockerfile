FROM alpine
ONBUILD COPY --chown=app . /app
ONBUILD RUN ["make"]
onbuild  run make install
ONBUILD ONBUILD RUN x
ONBUILD
