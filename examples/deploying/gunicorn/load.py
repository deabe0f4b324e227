"""Requests per second from gunicorn with 1, 2 and 4 workers, sync and gthread.

Run it in this folder: ``python load.py``. It starts gunicorn on a free port of
127.0.0.1 for each setting in turn, sends the same load to timing.py's /cpu and
/io, prints one line a setting, and stops gunicorn again.
"""

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

SETTINGS = [  # (worker class, workers, threads)
    ("sync", 1, 1),
    ("sync", 2, 1),
    ("sync", 4, 1),
    ("gthread", 1, 4),
    ("gthread", 2, 4),
    ("gthread", 4, 4),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    """One request; an error status raises urllib.error.HTTPError, and stops the run."""
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our own server
        response.read()


def start_gunicorn(worker_class, workers, threads, port):
    command = [sys.executable, "-m", "gunicorn", "timing:app", "--bind", f"127.0.0.1:{port}"]
    command += ["--worker-class", worker_class, "--workers", str(workers)]
    command += ["--threads", str(threads), "--log-level", "warning"]
    command += ["--no-control-socket"]  # leave the path to any other gunicorn of yours
    server = subprocess.Popen(command)  # noqa: S603 - a fixed command
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            get(f"http://127.0.0.1:{port}/")
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("gunicorn did not answer within 30 s")


def requests_per_second(url, requests, concurrency):
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(get, [url] * concurrency))  # every worker warm before the clock starts
        started = time.perf_counter()
        list(pool.map(get, [url] * requests))
        seconds = time.perf_counter() - started
    return requests / seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per view and setting")
    parser.add_argument("--concurrency", type=int, default=16, help="requests sent at once")
    options = parser.parse_args(argv)
    print(f"{'view':<5} {'worker':<8} {'workers':>7} {'threads':>7} {'requests/s':>10}")
    for worker_class, workers, threads in SETTINGS:
        port = free_port()
        server = start_gunicorn(worker_class, workers, threads, port)
        try:
            for view in ("cpu", "io"):
                url = f"http://127.0.0.1:{port}/{view}"
                rate = requests_per_second(url, options.requests, options.concurrency)
                print(f"{view:<5} {worker_class:<8} {workers:>7} {threads:>7} {rate:>10.1f}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
