FROM golang:1.22
RUN cd /tmp && curl -fsSLO https://example.com/tool.tar.gz && tar xzf tool.tar.gz
RUN /tmp/tool/install.sh && rm -f /tmp/tool.tar.gz
