"""No example and no page holds a secret a reader could copy into production.

Two looks, each able to fail for exactly that reason:

* **In the text.** Every page (``docs/**/*.md``: code, commands and prose) and
  every file of ``examples/`` outside its ``tests/`` folders is read line by
  line for a secret setting given a literal value: ``SECRET_KEY = "dev"``,
  ``app.secret_key = b"…"``, ``export FLASK_SECRET_KEY=abc`` in a terminal,
  ``{"SECRET_KEY": "test"}``, a ``.env`` file. A value that is made at run time
  (``secrets.token_hex()``, ``$(python -c …)``, an environment variable) or is
  ``None`` passes; so does the placeholder ``"…"`` in prose. The examples'
  files are also searched for a long random-looking string (a key pasted
  without a telling name).
* **In the running apps.** Every app of ``examples/`` (found as the WSGI and
  fuzz audits find them) is loaded twice with no ``FLASK_*`` variable in the
  environment and a test configuration without a key. Its secret key must then
  be missing (a factory that refuses to start without one passes) or differ
  between the two loads. A key that comes back the same is written in the code,
  however it is spelled.

A test configuration in an example's ``tests/`` may use a fixed key: it never
reaches a server.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from example_apps import find_apps
from flask import Flask

from harness import DOCS, EXAMPLES, ROOT

# A setting that holds a secret: SECRET_KEY, FLASK_SECRET_KEY, WTF_CSRF_SECRET_KEY,
# secret_key, API_KEY, PRIVATE_KEY, API_TOKEN...
SECRET_NAME = r"(?:\w*SECRET\w*|\w*secret_key|\w*API_KEY|\w*PRIVATE_KEY|\w*API_TOKEN)"
# ... given a value: `NAME = v`, `NAME=v`, `"NAME": v`, `["NAME"] = v`, `$env:NAME = v`.
ASSIGNED = re.compile(
    SECRET_NAME
    + r"""["'\]]*\s*[:=](?!=)\s*b?"""
    + r"""(?P<value>"[^"]*"|'[^']*'|[^\s"'$(),;]+)(?P<after>\(?)"""
)
# Values that are not secrets: nothing, or a placeholder in prose.
NOT_A_SECRET = {"None", "null", "True", "False", '""', "''", '"…"', "'…'", "...", "…"}
# A long run of letters and digits that looks random: a pasted key.
RANDOM_LOOKING = re.compile(r"(?<![\w/.-])[A-Za-z0-9+/_-]{32,}={0,2}(?![\w/.-])")
TEXT_SUFFIXES = {".py", ".md", ".txt", ".toml", ".cfg", ".ini", ".env", ".flaskenv", ".json"}
TEXT_SUFFIXES |= {".html", ".js", ".css", ".yaml", ".yml", ".sql", ".sh", ".conf", ""}


def literal_secrets(line: str) -> list[str]:
    """The literal values ``line`` gives to secret settings."""
    found = []
    for match in ASSIGNED.finditer(line):
        value = match["value"]
        if match["after"] or value in NOT_A_SECRET:  # a call makes it at run time
            continue
        if value[1:3] == "$(" or value[1:2] == "{":  # the shell's or an f-string's value
            continue
        found.append(match[0])
    return found


def looks_random(text: str) -> bool:
    """Long, mixed letters and digits, and about as varied as a random key."""
    digits = sum(character.isdigit() for character in text)
    if digits < len(text) / 10 or not re.search(r"[A-Za-z]", text):
        return False  # a random key has digits all through it; a long name has few
    counts = Counter(text)
    entropy = -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())
    return entropy > 3.5  # hex from secrets.token_hex() is about 3.8; English words are below


def example_files() -> list[Path]:
    return sorted(
        path
        for path in EXAMPLES.rglob("*")
        if path.is_file()
        and not {"tests", "__pycache__"}.intersection(path.relative_to(EXAMPLES).parts)
        and (path.suffix in TEXT_SUFFIXES or path.name.startswith("."))
    )


# --- the rules themselves ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        'app.secret_key = "dev"',
        "app.secret_key = b'\\x01\\x02'",
        'app.config["SECRET_KEY"] = "change me"',
        'create_app({"SECRET_KEY": "test", "TESTING": True})',
        "app.config.update(SECRET_KEY='x', DEBUG=False)",
        "$ export FLASK_SECRET_KEY=5f352379324c22463451387a0aec5d2f",
        'PS> $env:FLASK_SECRET_KEY = "5f352379324c22463451387a0aec5d2f"',
        "FLASK_SECRET_KEY=dev",
        'WTF_CSRF_SECRET_KEY = "abc"',
    ],
)
def test_a_literal_secret_is_found(line):
    assert literal_secrets(line), line


@pytest.mark.parametrize(
    "line",
    [
        "app.secret_key = secrets.token_hex()",
        'create_app({"SECRET_KEY": secrets.token_hex(), "TESTING": True})',
        "app.config.from_mapping(TITLE='Notebook', SECRET_KEY=None)",
        "$ export FLASK_SECRET_KEY=\"$(python -c 'import secrets; print(secrets.token_hex())')\"",
        'PS> $env:FLASK_SECRET_KEY = (python -c "import secrets; print(secrets.token_hex())")',
        "key = current_app.secret_key.encode()",
        'if not app.config["SECRET_KEY"]:',
        '`SECRET_KEY = "…"` in that file',
        "app.config.from_prefixed_env()  # FLASK_SECRET_KEY=... and so on",
    ],
)
def test_a_secret_made_at_run_time_is_not(line):
    assert not literal_secrets(line), line


def test_a_pasted_key_looks_random_and_a_long_name_does_not():
    assert looks_random("5f352379324c22463451387a0aec5d2f3a6a7b9c4f3e2d1c0b9a8f7e6d5c4b3a")
    assert looks_random("Zk3_qB9xT2wLmN8vR4yH6cJ1pD5sF7gK0aE")
    assert not looks_random("test_every_example_app_passes_the_validator")
    assert not looks_random("PERMANENT_SESSION_LIFETIME_IN_SECONDS_2")


# --- the guide -----------------------------------------------------------------------


def test_no_page_and_no_example_file_holds_a_literal_secret():
    findings = []
    for path in sorted(DOCS.rglob("*.md")) + example_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            findings += [
                f"{path.relative_to(ROOT)}:{number}: {hit}" for hit in literal_secrets(line)
            ]
    assert not findings, "secrets written into the guide:\n" + "\n".join(findings)


def test_no_example_file_holds_a_random_looking_string():
    findings = []
    for path in example_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            findings += [
                f"{path.relative_to(ROOT)}:{number}: {match[0]}"
                for match in RANDOM_LOOKING.finditer(line)
                if looks_random(match[0])
            ]
    assert not findings, "strings in examples/ that look like keys:\n" + "\n".join(findings)


def secret_keys(instance: Path) -> tuple[dict[str, dict], dict[str, Exception]]:
    """Every app's secret settings, loaded as a reader's server would: no FLASK_* variable.

    Every Flask app made while loading counts, the ones a dispatcher mounts too
    (by name and order of creation), and so does every app that failed to load.
    """
    clean = {key: value for key, value in os.environ.items() if not key.startswith("FLASK_")}
    created: list[Flask] = []
    make = Flask.__init__

    def recording(app, *args, **kwargs):
        make(app, *args, **kwargs)
        created.append(app)

    failed = {}
    with (
        mock.patch.dict(os.environ, clean, clear=True),
        mock.patch.object(Flask, "__init__", recording),
    ):
        for name, app in find_apps(EXAMPLES, instance, config={"TESTING": True}):
            if isinstance(app, Exception):
                failed[name] = app
    keys = {
        f"{app.import_name} (app {number})": {
            setting: value
            for setting, value in app.config.items()
            if "SECRET" in setting and value not in (None, "", [])
        }
        for number, app in enumerate(created)
    }
    return keys, failed


def test_every_app_takes_its_secret_key_from_outside_its_code(tmp_path):
    (first, failed), (second, _) = secret_keys(tmp_path / "first"), secret_keys(tmp_path / "second")
    assert first.keys() == second.keys()
    assert len(first) > 20, f"only {len(first)} apps were loaded"
    problems = [
        f"{name}: failed to load: {error!r}"
        for name, error in failed.items()
        # A factory that refuses to start without a key holds none.
        if not (isinstance(error, RuntimeError) and "SECRET_KEY" in str(error))
    ]
    problems += [
        f"{name}: {setting} is the same on every start: it is written in the code"
        for name, settings in first.items()
        for setting, value in settings.items()
        if second[name].get(setting) == value
    ]
    assert not problems, "\n".join(problems)
