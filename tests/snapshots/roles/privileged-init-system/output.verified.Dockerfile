FROM    tiangolo/uwsgi-nginx-flask:python3.6

COPY sshd_config /etc/ssh/
COPY app_init.supervisord.conf /etc/supervisor/conf.d

RUN  --mount=type=cache,target=/root/.cache/pip \
    pip install redis

EXPOSE 2222 80

ADD     /azure-vote /app

CMD ["/usr/bin/supervisord"]
