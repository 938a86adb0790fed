FROM python:3.12 AS build
RUN pip install --prefix=/install flask

FROM python:3.12-slim
COPY --from=build /install /usr/local
CMD ["python", "-m", "flask", "run"]
