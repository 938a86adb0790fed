FROM alpine
CMD ['node', 'app.js']
ENTRYPOINT ["unterminated
RUN [ "a", ] 
VOLUME [/data]
