from alpine as base
run echo lower
Run echo mixed
cOpY . /app
