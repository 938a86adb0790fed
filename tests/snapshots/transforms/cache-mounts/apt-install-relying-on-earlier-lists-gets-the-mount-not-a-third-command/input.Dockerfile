# From microsoft/mssql-docker linux/mssql-tools/Dockerfile.debian11: the last apt RUN installs from the lists an
# earlier RUN left in its layer, which that RUN's new mount hides. It needs an apt-get update either way; with the
# same mount it needs no deletion of the lists, and stays two commands.
FROM debian:11

RUN apt-get update && ACCEPT_EULA=Y apt-get install -y msodbcsql18 mssql-tools18
RUN echo 'export PATH="$PATH:/opt/mssql-tools18/bin"' >> ~/.bashrc

RUN apt-get -y install locales \
    && rm -rf /var/lib/apt/lists/*
RUN locale-gen en_US.UTF-8

CMD /bin/bash
