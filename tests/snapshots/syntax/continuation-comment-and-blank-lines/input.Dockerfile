FROM alpine
RUN apk add \
# the http client
      curl \
    # indented comment

      git
RUN echo next
