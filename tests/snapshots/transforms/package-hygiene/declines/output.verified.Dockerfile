FROM debian:bookworm-slim
RUN ["apt-get", "install", "-y", "curl"]
RUN apt-get update && apt-get install -y --no-install-recommends git # for go get
RUN if [ -n "$EXTRA" ]; then apt-get update && apt-get install -y "$EXTRA"; fi
# dockeropt ignore=package-hygiene
RUN pip install requests
