"""Fixtures for the data-layer examples: one app per store, each on a fresh, real store.

The Redis variant talks to a real redis-server, and the SQLAlchemy variant runs
a second time on a real PostgreSQL server, with only its URL changed. Each
server is started once for the session on a free loopback port; each test gets
an empty store. Without the server installed those tests skip, and the reason
says how to install it.
"""

import importlib
import json
import shutil
import urllib.request

import psycopg
import pytest

from harness.services.commands import BIN, fetch

#: The interchangeable apps, by module name, and "module@postgresql": the same
#: module with its database URL pointed at PostgreSQL.
VARIANTS = [
    "notes_sqlite3",
    "notes_sqlalchemy",
    "notes_sqlalchemy@postgresql",
    "notes_peewee",
    "notes_redis",
]


def empty_store(variant, request):
    """The test configuration of an empty store for ``variant``."""
    if variant == "notes_redis":
        server = request.getfixturevalue("redis_server")
        server.flush()
        return {"REDIS_URL": server.url}
    if variant == "notes_sqlalchemy@postgresql":
        server = request.getfixturevalue("postgres_server")
        with psycopg.connect(server.libpq_url, autocommit=True) as db:
            db.execute("DROP TABLE IF EXISTS note")  # create_app() makes it anew
        return {"DATABASE_URL": server.url}
    path = request.getfixturevalue("tmp_path") / f"{variant}.sqlite"
    if variant == "notes_sqlalchemy":
        return {"DATABASE_URL": f"sqlite:///{path}"}
    return {"DATABASE": str(path)}


@pytest.fixture
def make_app(example, request):
    """``make_app("notes_sqlite3")``: an app of that variant on a store that starts
    empty in each test; a second call in the same test gets the same store.

    The variants are importable from the test's ``example`` folder."""
    stores, made = {}, []

    def make(variant):
        if variant not in stores:
            stores[variant] = empty_store(variant, request)
        module = importlib.import_module(variant.partition("@")[0])
        made.append(module.create_app(stores[variant]))
        return made[-1]

    yield make
    for app in made:  # close their connections: the next test empties the store
        if "sqlalchemy" in app.extensions:
            app.extensions["sqlalchemy"].dispose()
        if app.import_name == "notes_redis":
            app.extensions["notes"].redis.close()


@pytest.fixture
def first_run(example, serve, tmp_path):
    """``first_run("notes_sqlite3")``: check what a reader sees the first time they serve it.

    In a copy of examples/becoming_big/data_layer/, ``flask --app <variant> run`` serves the
    variant on a loopback port with its default configuration. A note posted
    over real HTTP is listed back, and the database is in the instance folder.
    """

    def run(variant):
        folder = tmp_path / "data_layer"
        ignore = shutil.ignore_patterns("__pycache__", "instance")
        shutil.copytree(example.folder, folder, ignore=ignore)
        command = [BIN / "flask", "--app", variant, "run", "--port", "{port}"]
        note = {"title": "first", "tags": ["run"]}
        url = serve(command, cwd=folder, ready_path="/notes")
        post = urllib.request.Request(
            url + "/notes",
            data=json.dumps(note).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(post, timeout=5) as response:
            assert (response.status, json.load(response)) == (201, {"id": 1, **note})
        status, _, body = fetch(url + "/notes")
        assert (status, json.loads(body)) == (200, [{"id": 1, **note}])
        assert (folder / "instance" / "notes.sqlite").is_file()

    return run
