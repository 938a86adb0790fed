FROM fedora:40
RUN curl -fsSLO https://example.com/tool.tar.gz && dnf install -y tar \
    && dnf install -y gzip \
    && tar xzf tool.tar.gz -C /opt && rm tool.tar.gz \
    && dnf clean all
CMD ["/opt/tool/bin/tool"]
