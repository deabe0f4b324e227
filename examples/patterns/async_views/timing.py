"""Time the dashboard's two views on a running server: one request, then two at once.

Run it as `python timing.py [BASE_URL]`; the default URL is http://127.0.0.1:8000.
"""

import json
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise


def get(url):
    """GET a URL and decode its JSON body."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (http URLs only)
        return json.load(response)


def at_once(url, count):
    """Send `count` requests to `url` at the same moment: their bodies, and the seconds taken."""
    start = time.perf_counter()
    with ThreadPoolExecutor(count) as pool:
        bodies = list(pool.map(get, [url] * count))
    return bodies, time.perf_counter() - start


def overlapped(bodies):
    """True if one request started on the server before another had finished."""
    spans = sorted((body["started"], body["finished"]) for body in bodies)
    return any(later[0] < earlier[1] for earlier, later in pairwise(spans))


def main(base):
    if not base.startswith(("http://", "https://")):
        sys.exit(f"not an http(s) URL: {base}")
    for path in ("/in-turn", "/together"):
        _, seconds = at_once(base + path, 1)
        print(f"{path:10} one request:  {seconds:.2f} s")
        bodies, seconds = at_once(base + path, 2)
        print(f"{path:10} two at once:  {seconds:.2f} s, overlapped: {overlapped(bodies)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
