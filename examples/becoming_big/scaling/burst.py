"""Send many HTTP requests at once, from a pool of threads, with the standard library only.

    statuses, seconds = burst([(url, body), ...], concurrency=50)
    statuses = race([(method, url, body), ...])

Each request of a burst is a POST of ``body`` as JSON, or a GET when ``body``
is None. ``burst`` returns every status code, in the order of the requests, and
how many seconds the whole burst took. ``race`` sends a few requests, of any
method, at the same moment: one thread each, released together. An HTTP error
is a status like any other: it is counted, not raised.
"""

import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def send(url, body=None, timeout=30, method=None):
    """One request (a POST, a GET without a body, or ``method``): its status code."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    # S310 asks to audit the URL's scheme: this is the reader's own server's, from the code.
    request = urllib.request.Request(url, data, headers, method=method)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            response.read()
            return response.status
    except urllib.error.HTTPError as error:  # 4xx and 5xx: a status to count
        with error:
            return error.code


def burst(requests, concurrency):
    """Send every (url, body) from ``concurrency`` threads: the statuses, in order, and seconds."""
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        statuses = list(pool.map(lambda request: send(*request), requests))
    return statuses, time.perf_counter() - start


def race(requests, timeout=30):
    """Send every (method, url, body) at the same moment, one thread each: the statuses."""
    start = threading.Barrier(len(requests), timeout=timeout)

    def go(request):
        method, url, body = request
        start.wait()  # no thread sends before every thread is ready
        return send(url, body, timeout, method)

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(go, requests))
