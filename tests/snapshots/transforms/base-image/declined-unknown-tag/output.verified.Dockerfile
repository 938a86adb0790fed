FROM python:3.12-windowsservercore
COPY app.py /app.py
CMD ["python", "/app.py"]
