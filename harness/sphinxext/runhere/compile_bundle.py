# Runs inside Pyodide, in Node, at build time (compile.mjs): /bundle/input.zip holds the
# standard library and the bundled packages as source; /bundle/output.zip gets the same
# plus bytecode for every module a page's first run needs, compiled by this very
# Python, so the browser imports them without compiling. The value of the last
# expression is the report compile.mjs prints.
import importlib.util
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

STDLIB = "/lib/python314.zip"  # where Pyodide puts the bundle in the browser
sys.path.insert(0, "/bundle/input.zip")

# What a first run imports: the runner, Flask's stack at work, and what pages use.
import runhere  # noqa: E402

session = runhere.Session("warmup", "docs/warmup.md")
result = session.run(
    """
import json, dataclasses, datetime, decimal, functools, secrets, sqlite3, uuid
from flask import Flask, abort, jsonify, redirect, render_template_string, request, session, url_for
from flask.testing import FlaskCliRunner
from markupsafe import escape
from werkzeug.exceptions import NotFound
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.middleware.proxy_fix import ProxyFix
import click, itsdangerous, blinker, flask_wtf, wtforms

app = Flask(__name__)
app.secret_key = secrets.token_hex()

@app.get("/<name>")
def hello(name):
    session["seen"] = True
    return render_template_string("<p>{{ name }}</p>", name=name)

@app.cli.command()
def hi():
    click.echo("hi")

client = app.test_client()
assert client.get("/<b>").text == "<p>&lt;b&gt;</p>"
assert client.get("/missing/page").status_code == 404
assert app.test_cli_runner().invoke(args=["hi"]).output == "hi\\n"
1 / 0
""",
    1,
)
assert not result["ok"], result
assert "ZeroDivisionError" in result["items"][0]["output"], result

used = set()
for module in list(sys.modules.values()):
    file = getattr(module, "__file__", None) or ""
    for prefix in (STDLIB + "/", "/bundle/input.zip/"):
        if file.startswith(prefix) and file.endswith(".py"):
            used.add(file.removeprefix(prefix))


def entry(name):
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


compiled = 0
with (
    zipfile.ZipFile("/bundle/input.zip") as source,
    zipfile.ZipFile("/bundle/output.zip", "w", zipfile.ZIP_DEFLATED) as target,
):
    names = set(source.namelist())
    bundled = {n for n in names if n.split("/")[0] in {"flask", "werkzeug", "jinja2", "markupsafe"}}
    for name in sorted(names):
        data = source.read(name)
        target.writestr(entry(name), data)
        if name.endswith(".py") and (name in used or name in bundled):
            code = compile(data, f"{STDLIB}/{name}", "exec", dont_inherit=True)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            target.writestr(entry(name + "c"), pyc)
            compiled += 1
f"{compiled} modules compiled ({len(used)} used by a first run) of {len(names)} files"
