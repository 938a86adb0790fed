FROM alpine
RUN echo \\
RUN echo next
