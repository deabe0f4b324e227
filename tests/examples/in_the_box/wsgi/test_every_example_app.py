"""Every app in examples/ passes wsgiref's validator: GET, POST with a body, 404, redirect, stream.

The apps are found by app_finder, so an app added by any chapter is checked
without being listed here. An app that cannot be loaded fails this test by name.
"""

from collections import defaultdict

from tests.harness.examples import EXAMPLES

KINDS = ("GET", "POST with a body", "404", "redirect", "streamed")
MISSING = "/no-such-page-for-the-wsgi-audit"


def requests(app):
    """(method, path, request arguments) for each GET and POST route, and a missing page."""
    for rule in sorted(app.url_map.iter_rules(), key=str):
        if rule.endpoint == "static":
            continue
        path = rule.build({name: 1 for name in rule.arguments})[1]
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


def test_every_example_app_passes_the_wsgi_validator(use_example, tmp_path, capsys):
    use_example("in_the_box/wsgi")
    from app_finder import find_apps
    from wsgi_check import call

    problems, covered, apps = [], defaultdict(list), []
    for name, app in find_apps(EXAMPLES, tmp_path):
        if isinstance(app, Exception):
            problems.append(f"{name}: cannot load: {type(app).__name__}: {app}")
            continue
        apps.append(name)
        seen = set()
        for method, path, arguments in requests(app):
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
            print(f"  {kind} ({len(covered[kind])}): " + ", ".join(covered[kind]))
