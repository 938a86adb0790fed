FROM python:3.12-slim
COPY run.sh /run.sh
ENTRYPOINT /run.sh
CMD ["--verbose"]
