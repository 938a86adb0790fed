FROM debian:bookworm
# The usual "don't make me pin apt versions": dockeropt never pins, so it shields nothing here.
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*

# Recommended packages wanted: only --no-install-recommends stays out.
# hadolint ignore=DL3015
RUN apt-get update && apt-get install -y git

# Keep the apt lists and pip's cache; -y and --no-install-recommends still apply.
# hadolint ignore=DL3009,DL3042
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && pip install requests

# The pass id still switches the whole pass off.
# dockeropt ignore=package-hygiene
RUN apt-get update && apt-get install make
