"""gunicorn settings for `make serve` and the systemd unit (docs/deploy/).

Workers and threads come from the environment: WEB_CONCURRENCY (processes,
default 2) and GUNICORN_THREADS (threads per process, default 4); BIND
(default 127.0.0.1:8000)."""

import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 30
graceful_timeout = 30
# Restart workers now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
