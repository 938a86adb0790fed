FROM alpine
RUN echo a \
    && echo b
# comment

CMD ["sh"]
