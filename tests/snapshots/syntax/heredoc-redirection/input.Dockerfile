FROM alpine
RUN cat <<EOF > /etc/motd
welcome
EOF
COPY --chmod=755 <<EOF /usr/local/bin/hello
#!/bin/sh
echo hello
EOF
RUN 3<<EOF cat /dev/fd/3
fd three
EOF
