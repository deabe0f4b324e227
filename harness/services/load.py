"""A bounded burst of concurrent HTTP requests against a server on this machine.

``burst()`` sends a list of requests from a fixed number of threads and
returns every status, in order, and the seconds it took. Tests count the
statuses; the seconds are a figure to record, never something to assert.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def send(url: str, body: dict | None = None, timeout: float = 30.0) -> int:
    """One request (a POST of ``body`` as JSON, or a GET): its status code."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        with error:
            return error.code


def burst(requests: list[tuple[str, dict | None]], concurrency: int) -> tuple[list[int], float]:
    """Send every (url, body) with ``concurrency`` threads: the statuses, in order, and seconds."""
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        statuses = list(pool.map(lambda request: send(*request), requests))
    return statuses, time.perf_counter() - start
