FROM alpine
ENV PATH /usr/local/bin:$PATH
ENV A=1 B="two words" C=three\ words D='single'
ENV E= F=""
ENV G
ENV H=1 I
