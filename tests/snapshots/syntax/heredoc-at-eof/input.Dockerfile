FROM alpine
RUN <<EOF
echo no terminator line ending
EOF