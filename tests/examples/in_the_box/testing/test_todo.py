"""examples/in_the_box/testing/todo.py, and the reader's own tests of it beside it.

The reader runs ``pytest`` in the example folder: its conftest.py and
test_todo.py are the reader's, and import ``todo`` as the reader's Python
would. These tests run that command in a copy of the folder, with no plugin
of the guide's environment loaded, and hold its output against the page.
"""

import os
import re
import shutil
import subprocess

import pytest

from harness import DOCS
from harness.services.commands import BIN

PAGE = DOCS / "in-the-box" / "testing.md"


def console_block(command: str) -> list[str]:
    """The lines the page shows under ``$ <command>`` in a console block."""
    text = PAGE.read_text(encoding="utf-8")
    block = re.search(rf"```console\n(?:\$ .*\n)*?\$ {re.escape(command)}\n(.*?)```", text, re.S)
    assert block, f"{PAGE.name}: no console block for `{command}`"
    return block[1].splitlines()


def matches(expected: str, line: str) -> bool:
    """``...`` in the page's line stands for any text."""
    return re.fullmatch(".*".join(map(re.escape, expected.split("..."))), line) is not None


def run_pytest(folder):
    """`pytest -q` in ``folder``, as the reader runs it: the output and the exit status."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "PYTHON"))}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # the guide's plugins are not the reader's
    result = subprocess.run(
        [BIN / "pytest", "-q"], cwd=folder, env=env, capture_output=True, text=True, timeout=60
    )
    return result.stdout + result.stderr, result.returncode


@pytest.fixture
def reader_folder(example, tmp_path):
    """A copy of the example folder, as the reader unpacks it."""
    folder = tmp_path / "testing"
    shutil.copytree(example.folder, folder, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_the_readers_tests_pass_with_pytest_as_the_page_shows(reader_folder):
    output, status = run_pytest(reader_folder)
    assert status == 0, output
    lines = output.splitlines()
    expected = console_block("pytest -q")
    assert len(lines) == len(expected), output
    assert all(matches(want, got) for want, got in zip(expected, lines, strict=True)), output


def test_the_readers_tests_fail_when_bad_input_crashes_the_view(reader_folder):
    todo = reader_folder / "todo.py"
    checked = "if not isinstance(title, str) or not title.strip():"
    assert checked in todo.read_text()
    todo.write_text(todo.read_text().replace(checked, "if False:"))  # the check is gone
    output, status = run_pytest(reader_folder)
    assert status == 1, output
    assert "FAILED test_todo.py::test_a_post_without_a_title_is_400" in output


def test_without_a_configuration_the_list_starts_empty(example):
    app = example.module.create_app()
    assert app.config["TODOS"] == []
    assert app.test_client().get("/todos").json == []


def test_json_nested_too_deep_is_400_and_adds_nothing(client):
    deep = "[" * 100_000 + "]" * 100_000  # past Python's parser: RecursionError
    response = client.post("/todos", data=deep, content_type="application/json")
    assert response.status_code == 400
    assert client.get("/todos").json == []
