FROM alpine
RUN echo a \
    && echo b
RUN <<EOF
echo c
EOF
