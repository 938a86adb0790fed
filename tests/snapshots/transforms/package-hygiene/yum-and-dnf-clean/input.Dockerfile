FROM centos:7
RUN yum install httpd && yum install -y mod_ssl

FROM fedora:40
RUN dnf install -y gcc && dnf clean all
RUN dnf install make
