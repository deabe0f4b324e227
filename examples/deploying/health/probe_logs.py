"""A gunicorn logger that leaves successful health checks out of the access log.

A load balancer asks every few seconds; a line for each answer would bury the
visitors' requests. A failed check is still logged: it is news.
"""

from gunicorn.glogging import Logger

PROBES = {"/healthz", "/readyz"}


class QuietProbes(Logger):
    def access(self, resp, req, environ, request_time):
        if environ.get("PATH_INFO") in PROBES and resp.status_code == 200:
            return
        super().access(resp, req, environ, request_time)
