FROM alpine
COPY --from=build --chown=1000:1000 --chmod=0644 --link /out /app
COPY --parents --exclude=*.md ./src/ /app/
ADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://example.com/a.tar.gz /a.tar.gz
ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.13 /buildkit
COPY --link
COPY one
