"""docs/installation.md: its Linux and macOS commands, run for real.

The commands of the page's ``console`` blocks run in order in one bash
session, in a fresh folder: they create a virtual environment, activate it and
pip-install Flask and its extras from the package index, exactly as the page
says, with no constraints file: pip installs the newest releases, as it would
for a reader. Then the versions pip installed and the output of
``flask --version`` are compared with the page, and ``flask --app hello run``
(with the page's hello.py) must serve the page. When Flask, Werkzeug or one of
Flask's dependencies publishes a release, this test fails until the page (and
requirements.txt, which the page's own blocks run against) catch up.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from importlib.metadata import requires
from pathlib import Path

import pytest

from harness import DOCS, EXAMPLES, pins
from harness.services.commands import CONSOLE, fetch

PAGE = DOCS / "installation.md"
HELLO = EXAMPLES / "quickstart" / "first_app" / "hello.py"
#: requirements.txt's pins, {normalised name: version}: what the page shows.
PINS = pins()


def console_blocks(text: str) -> list[list[tuple[str, list[str]]]]:
    """Each console block of a page: its commands, each with the output shown under it."""
    blocks = []
    for match in CONSOLE.finditer(text):
        commands: list[tuple[str, list[str]]] = []
        for line in match["body"].splitlines():
            if line.startswith("$ "):
                commands.append((line[2:], []))
            elif commands:
                commands[-1][1].append(line)
        blocks.append(commands)
    return blocks


def is_server(command: str) -> bool:
    return command.startswith("flask ") and shlex.split(command)[-1] == "run"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Run the page's setup commands: (project folder, outputs by command, commands)."""
    commands = [c for block in console_blocks(PAGE.read_text(encoding="utf-8")) for c in block]
    setup = [command for command, _ in commands if not is_server(command)]
    home = tmp_path_factory.mktemp("reader")
    # Each command's output is fenced by a marker line, so it can be told apart.
    script = "set -e\n" + "".join(f"echo '>>> {c}'\n{c}\n" for c in setup)
    env = {
        key: value
        for key, value in os.environ.items()
        if key != "VIRTUAL_ENV" and key != "PIP_CONSTRAINT"
    }
    python_bin = str(Path(sys.executable).resolve().parent)
    path = [p for p in env["PATH"].split(os.pathsep) if p != str(Path(sys.executable).parent)]
    env.update(
        PATH=os.pathsep.join([python_bin, *path]),  # a python3, but not our .venv's flask
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_COMPILE="1",  # no .pyc written at install: the test runs each module once
    )
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    outputs = {}
    for chunk in done.stdout.split(">>> ")[1:]:
        command, _, output = chunk.partition("\n")
        outputs[command] = output.splitlines()
    return home / "myproject", outputs, commands


def test_the_page_shows_the_commands_a_reader_needs(installed):
    _, _, commands = installed
    shown = [command for command, _ in commands]
    assert shown[:4] == ["mkdir myproject", "cd myproject", "python3 -m venv .venv"] + [
        ". .venv/bin/activate"
    ]
    assert "pip install Flask" in shown
    assert "flask --version" in shown
    assert "flask --app hello run" in shown


def installed_versions(venv: Path) -> dict[str, str]:
    """What pip installed into ``venv``: {normalized name: version}."""
    listed = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    pairs = (line.split("==") for line in listed)
    return {name.lower().replace("_", "-"): number for name, number in pairs}


def test_pip_installed_the_versions_the_page_shows(installed):
    """The page shows the guide's pins, the newest releases: what a reader gets today."""
    project, _, _ = installed
    got = installed_versions(project / ".venv")
    always = [re.match(r"[\w.-]+", line)[0] for line in requires("flask") if ";" not in line]
    shown = {name.lower(): PINS[name.lower()] for name in ["flask", *always]}
    assert {name: got.get(name) for name in shown} == shown
    assert {"asgiref", "python-dotenv"} <= got.keys()  # the two extras


def test_flask_version_prints_what_the_page_shows(installed):
    _, outputs, commands = installed
    shown = dict(commands)["flask --version"]
    printed = outputs["flask --version"]
    assert len(printed) == len(shown) == 3
    assert printed[0].startswith("Python 3.")  # the Python line depends on the machine
    assert printed[1:] == shown[1:]  # Flask and Werkzeug: exactly as on the page


def test_flask_app_hello_run_serves_the_first_app(installed, serve):
    project, _, _ = installed
    shutil.copy(HELLO, project / "hello.py")
    flask = project / ".venv" / "bin" / "flask"
    command = [flask, "--app", "hello", "run", "--host", "127.0.0.1", "--port", "{port}"]
    status, _, body = fetch(serve(command, cwd=project) + "/")
    assert (status, body) == (200, b"<p>Hello from Flask!</p>")
