FROM alpine
RUN <<'EOF'
echo $HOME
EOF
RUN <<"END"
echo $PATH
END
RUN <<E"O"F
x
EOF
