"""Settings for gunicorn -c gunicorn_config.py; kill -HUP makes gunicorn read them again."""


def post_fork(server, worker):
    """Runs in each new worker, right after the master forked it.

    With --preload the master built the app, and its engine's pool holds the
    connection the master opened. The worker has a copy of that socket: forget it,
    without closing it (closing would end the master's session too).
    """
    if server.cfg.preload_app:
        app = worker.app.wsgi()  # the app the master loaded, not loaded again
        engine = app.extensions.get("engine")
        if engine is not None:
            engine.dispose(close=False)
