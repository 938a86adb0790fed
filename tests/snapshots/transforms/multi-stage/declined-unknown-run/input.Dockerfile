FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
RUN ./scripts/collect-static.sh
CMD ["python", "app.py"]
