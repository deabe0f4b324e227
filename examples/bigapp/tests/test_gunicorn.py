"""bigapp behind gunicorn with four worker processes, hit by a burst of concurrent requests."""

import json
import os
import subprocess
from collections import Counter

from sqlalchemy import create_engine, text

from tests.harness.load import burst, send
from tests.harness.servers import BIN, fetch, free_port, serve

REQUESTS = 300  # every fifth one reads, the others each add a book


def test_every_request_of_a_burst_succeeds_and_every_write_is_a_row(database_url,
                                                                    record_property):  # fmt: skip
    env = {"FLASK_SECRET_KEY": "only for this test", "FLASK_DATABASE_URL": database_url}
    init = [BIN / "flask", "--app", "bigapp", "init-db"]
    subprocess.run(init, env={**os.environ, **env}, check=True, capture_output=True)
    port = free_port()
    command = [BIN / "gunicorn", "--workers", "4", "--bind", f"127.0.0.1:{port}",
               "bigapp:create_app()"]  # fmt: skip
    with serve(command, port=port, cwd=BIN, env=env, ready_path="/api/shelves") as url:
        assert send(url + "/api/shelves", {"name": "Load"}) == 201
        book = {"title": "Written under load", "year": 2026, "shelf_id": 1}
        requests = [
            (url + "/api/books", book) if i % 5 else (url + "/api/shelves", None)
            for i in range(1, REQUESTS + 1)
        ]
        statuses, seconds = burst(requests, concurrency=50)
        status, _, body = fetch(url + "/api/books")

    writes = REQUESTS - REQUESTS // 5
    assert Counter(statuses) == {201: writes, 200: REQUESTS // 5}
    assert (status, len(json.loads(body))) == (200, writes)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM book")) == writes
    engine.dispose()
    rate = REQUESTS / seconds
    record_property("requests_per_second", round(rate))
    print(f"\n{REQUESTS} requests in {seconds:.2f} s: {rate:.0f} requests/s")
