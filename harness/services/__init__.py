"""Real parts for tests and pages: servers on loopback, and a browser.

Each service module has the same shape: ``running(...)`` is a context manager
that starts the service, yields a handle with what a client needs (``.url``
for a server), and always stops it; a missing program raises
:class:`.missing.Missing`, whose message says how to install it.

* :mod:`.postgres` — a throwaway PostgreSQL server, a database per test;
* :mod:`.redis` — a private redis-server;
* :mod:`.smtp` — an SMTP server that keeps what it receives;
* :mod:`.chromium` — headless Chromium;
* :mod:`.browser` — Chromium driven by Playwright, and a folder of static files
  served on loopback (the browser tests, ``make screenshots``);
* :mod:`.commands` — any server command on a free port (``flask run``,
  gunicorn), and plain HTTP helpers;
* :mod:`.plugin` — all of them as pytest fixtures, once per test process.
"""
