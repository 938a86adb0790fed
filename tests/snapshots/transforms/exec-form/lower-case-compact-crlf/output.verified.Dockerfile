from python:3.12-slim
run ["pip","install","flask"]
env FLASK_APP app.py
cmd ["flask","run","--host=0.0.0.0"]
