"""Send several GET requests at the same moment, one thread each; their JSON answers."""

import json
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from urllib.parse import urlsplit


def get_json(url, timeout=30):
    """GET `url` and read its JSON answer, giving up after `timeout` seconds."""
    parts = urlsplit(url)
    connection = HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", f"{parts.path}?{parts.query}" if parts.query else parts.path)
        return json.load(connection.getresponse())
    finally:
        connection.close()


def at_once(urls):
    """The answers to `urls`, sent together, in the order of `urls`."""
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(get_json, urls))
