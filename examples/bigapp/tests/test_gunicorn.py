"""bigapp behind gunicorn with two worker processes, hit by a burst of concurrent requests."""

import json
import os
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import create_engine, text

REQUESTS = 100  # every fifth one reads, the others each add a book


def send(url, body=None):
    """One request (a POST of ``body`` as JSON, or a GET): its status and JSON answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, None


def test_every_request_of_a_burst_succeeds_and_every_write_is_a_row(app, database_url, server,
                                                                    record_property):  # fmt: skip
    env = {
        **os.environ,
        "FLASK_SECRET_KEY": "only for this test",
        "FLASK_DATABASE_URL": database_url,
    }
    url = server(["gunicorn", "--workers", "2", "--bind", "127.0.0.1:{port}",
                  "bigapp:create_app()"], env)  # fmt: skip
    assert send(url + "/api/shelves", {"name": "Load"})[0] == 201
    book = {"title": "Written under load", "year": 2026, "shelf_id": 1}
    requests = [
        (url + "/api/books", book) if i % 5 else (url + "/api/shelves", None)
        for i in range(1, REQUESTS + 1)
    ]
    start = time.perf_counter()
    with ThreadPoolExecutor(50) as pool:
        statuses = [status for status, _ in pool.map(lambda r: send(*r), requests)]
    seconds = time.perf_counter() - start
    status, books = send(url + "/api/books")

    writes = REQUESTS - REQUESTS // 5
    assert Counter(statuses) == {201: writes, 200: REQUESTS // 5}
    assert (status, len(books)) == (200, writes)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM book")) == writes
    engine.dispose()
    record_property("requests_per_second", round(REQUESTS / seconds))
