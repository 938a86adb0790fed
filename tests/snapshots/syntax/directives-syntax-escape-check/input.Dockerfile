# syntax=docker/dockerfile:1.7
#Escape = \
# check=skip=JSONArgsRecommended;error=true
FROM alpine
# escape=`
RUN echo done
