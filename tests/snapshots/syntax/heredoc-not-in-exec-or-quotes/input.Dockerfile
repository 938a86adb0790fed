FROM alpine
RUN ["sh", "-c", "cat <<EOF"]
RUN echo "<<EOF" and '<<END'
CMD cat <<EOF
