"""examples/in_the_box/wsgi/wsgi_check.py: the validator catches what breaks WSGI.

And every app in examples/ passes it: GET, POST with a body, 404, redirect,
stream. The apps are found by app_finder (from the same folder), so an app
added by any chapter is checked without being listed here. An app that cannot
be loaded fails the test by name.
"""

from collections import defaultdict

import pytest
from flask import Flask

from harness import EXAMPLES

KINDS = ("GET", "POST with a body", "404", "redirect", "streamed")
MISSING = "/no-such-page-for-the-wsgi-audit"


@pytest.fixture
def call(example):
    return example.module.call


def test_a_flask_app_passes(call):
    app = Flask(__name__)
    app.add_url_rule("/", "index", lambda: "ok")
    answer = call(app, "GET", "/")
    assert (answer.status, answer.body, answer.streamed) == (200, b"ok", False)


def test_a_text_body_breaks_wsgi_and_is_caught(call):
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return ["text, not bytes"]

    with pytest.raises(AssertionError, match="Iterator yielded non-bytestring"):
        call(app, "GET", "/")


def test_a_status_without_reason_breaks_wsgi_and_is_caught(call):
    def app(environ, start_response):
        start_response("200", [])
        return [b""]

    from wsgiref.validate import WSGIWarning

    with pytest.raises(WSGIWarning, match=r"The status string \('200'\) should be"):
        call(app, "GET", "/")


def test_a_streamed_answer_is_recognised(call):
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        yield b"a"
        yield b"b"

    answer = call(app, "POST", "/", data=b"body")
    assert (answer.body, answer.streamed) == (b"ab", True)


# --- every app of the guide --------------------------------------------------------


def sample_path(rule) -> str | None:
    """A URL for the rule: every argument 1, or "x", or ["x"] (for a list converter)."""
    for value in (1, "x", ["x"]):
        try:
            return rule.build(dict.fromkeys(rule.arguments, value))[1]
        except Exception:  # this converter does not take this kind of value
            continue
    return None


def requests(app, unbuilt):
    """(method, path, request arguments) for each GET and POST route, and a missing page."""
    if not isinstance(app, Flask):  # a plain WSGI app: its root, and what it mounts
        for prefix in ["", *getattr(app, "mounts", {})]:
            yield "GET", prefix + "/", {}
        yield "GET", MISSING, {}
        return
    for rule in sorted(app.url_map.iter_rules(), key=str):
        if rule.endpoint == "static":  # files on disk, the same in every app
            continue
        path = sample_path(rule)
        if path is None:
            unbuilt.append(f"{app.import_name}: {rule}")
            continue
        if "GET" in rule.methods:
            yield "GET", path, {}
        if "POST" in rule.methods:
            yield "POST", path, {"json": {"text": "wsgi audit", "name": "wsgi audit"}}
    yield "GET", MISSING, {}


def kinds(method, path, answer):
    found = {method if method == "GET" else "POST with a body"}
    if path == MISSING and answer.status == 404:
        found.add("404")
    if 300 <= answer.status < 400:
        found.add("redirect")
    if answer.streamed:
        found.add("streamed")
    return found


def test_every_example_app_passes_the_wsgi_validator(call, tmp_path, capsys):
    from app_finder import NotAuditable, find_apps  # importable beside wsgi_check

    problems, covered, apps, unbuilt = [], defaultdict(list), [], []
    for name, app in find_apps(EXAMPLES, tmp_path):
        if isinstance(app, NotAuditable):  # the project's factories take a test_config
            problems.append(f"{name}: {app}; follow create_app(test_config=None)")
            continue
        if isinstance(app, Exception):
            problems.append(f"{name}: cannot load: {type(app).__name__}: {app}")
            continue
        apps.append(name)
        seen = set()
        for method, path, arguments in requests(app, unbuilt):
            try:
                seen |= kinds(method, path, call(app, method, path, **arguments))
            except Exception as error:  # the validator's AssertionError or WSGIWarning
                problems.append(f"{name}: {method} {path}: {type(error).__name__}: {error}")
        for kind in seen:
            covered[kind].append(name)
    assert not problems, "\n".join(problems)
    # At least the apps of the foreword and of this chapter; other chapters add theirs.
    assert len(apps) >= 12, apps
    assert "examples/accounts/accounts/__init__.py: create_app()" in apps
    assert set(covered) == set(KINDS), f"no app covered {set(KINDS) - set(covered)}"
    with capsys.disabled():
        print(f"\nWSGI validator: {len(apps)} apps passed")
        for kind in KINDS:
            names = covered[kind]
            listed = ": " + ", ".join(names) if len(names) <= 5 else ""
            print(f"  {kind}: {len(names)} apps{listed}")
        print(f"  routes with no URL to build: {', '.join(unbuilt) or 'none'}")
