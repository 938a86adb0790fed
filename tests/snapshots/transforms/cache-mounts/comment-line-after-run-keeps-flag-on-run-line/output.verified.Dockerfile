# From GoogleCloudPlatform/cloud-builders-community buildah: a comment line right after 'RUN \'. The mount goes on
# the RUN line: below the comment a shell linter would read it as a command (shellcheck SC2215).
FROM ubuntu:16.04

RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
  # Install runc first, fail fast if something is wrong.
  apt-get -y -qq update && \
  apt-get -y install wget
