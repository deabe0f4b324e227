"""Send many HTTP requests at once, from a pool of threads, with the standard library only.

    statuses, seconds = burst([(url, body), ...], concurrency=50)

Each request is a POST of ``body`` as JSON, or a GET when ``body`` is None.
``burst`` returns every status code, in the order of the requests, and how
many seconds the whole burst took. An HTTP error is a status like any other:
it is counted, not raised.
"""

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def send(url, body=None, timeout=30):
    """One request: its status code."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
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
