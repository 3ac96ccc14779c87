"""gunicorn for Distans (docs/deployment.md): `gunicorn -c deploy/gunicorn.conf.py distans.wsgi:application`,
behind a TLS-terminating proxy on the same machine or network."""

import multiprocessing
import os
import shutil

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = 60  # an agreement's PDF is drawn in the request the first time it is opened
graceful_timeout = 30
# Distans writes one JSON line per request itself, with the route instead of the address (no query strings,
# no secrets in paths), so gunicorn's own access log stays off; its errors go to the journal.
accesslog = None
errorlog = "-"
# Only the proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def on_starting(server):
    """Prometheus's files from the last start would be counted again: start from an empty directory."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
