FROM centos:7
RUN yum install -y httpd && yum install -y mod_ssl

FROM fedora:40
RUN dnf install -y gcc && dnf clean all
RUN dnf install -y make \
    && dnf clean all
