FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD exec python -c "import app; app.main()" --name 'my app'
