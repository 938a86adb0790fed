# dockeropt ignore=base-image
FROM python:3.12
COPY app.py /app.py
CMD ["python", "/app.py"]
