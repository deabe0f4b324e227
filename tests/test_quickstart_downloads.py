"""The Quickstart followed from its downloads alone, as a reader without the repository would.

For each page of docs/quickstart/, the test unpacks the zip that the page
links (:func:`harness.sphinxext.downloads.folder_zip`) into a temporary folder
outside the repository. There it runs the page's ``console`` blocks in page
order, with the tools of the guide's virtual environment first on ``PATH``, as
an activated environment would have them:

* ``flask --app … run`` and ``gunicorn …`` start a server through the
  ``serve`` fixture, on a free port instead of the page's 5000 or 8000. The
  output the page shows under the command must be how the server's log
  begins. A console block without a command shows more of that log, for the
  server started last.
* ``curl …`` goes to the server the URL names; its output must be the page's.
* ``export NAME=value`` sets a variable for the commands after it; a value
  ``"$(python …)"`` is what that command prints, as the shell would make it.
* ``python …`` runs with the guide's Python, its output compared.
* ``pip install X`` is not run: X must already be in the guide's environment.
* Any other command fails the test, so nothing on a page goes unrun.

Every address the page tells the reader to open (``<http://127.0.0.1:5000/…>``)
is fetched from the server running at that point of the page, and must reach
a view that answers GET. Output is compared line by line, after wiping what
changes from run to run: times and dates, process ids, the debugger PIN, a
random key, the reader's Python version in a ``Server`` header.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath

import pytest

from harness import DOCS, ROOT
from harness.services.commands import BIN, CONSOLE
from harness.sphinxext.downloads import folder_zip

CHAPTER = DOCS / "quickstart"
PAGES = sorted(page for page in CHAPTER.glob("*.md") if page.name != "index.md")
EXAMPLE_FOLDER = re.compile(r"^```\{example-folder\}\s+(?P<slug>\S+)\s*$", re.MULTILINE)
LINK = re.compile(r"<(?P<url>http://127\.0\.0\.1:\d+/[^>\s]*)>")
LOCAL = re.compile(r"127\.0\.0\.1:(?P<port>\d+)")
# The serve fixture polls this path until the server answers; its log lines are not the page's.
READY = "/ready-check-of-the-test"
# What changes from run to run, in what the page shows and in what the commands print.
VARIES = [
    (re.compile(r"\x1b\[[0-9;]*m"), ""),  # terminal colours
    (re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(,\d{3}| [+-]\d{4})\]"), "[TIME]"),
    (re.compile(r"\[\d\d/\w{3}/\d{4} \d\d:\d\d:\d\d\]"), "[TIME]"),  # Werkzeug's request log
    (re.compile(r"\[\d+\] \[(?=[A-Z]+\])"), "[PID] ["),  # Gunicorn's log
    (re.compile(r"\(\d+\)$"), "(PID)"),  # Gunicorn: "Listening at: … (pid)"
    (re.compile(r"Debugger PIN: \d{3}-\d{3}-\d{3}"), "Debugger PIN: PIN"),
    (re.compile(r"^[0-9a-f]{64}$"), "KEY"),  # secrets.token_hex()
    (re.compile(r"^Date: .*"), "Date: DATE"),  # curl -i
    (re.compile(r"Expires=[^;]*"), "Expires=DATE"),
    (re.compile(r"(?<= Python/)\d+\.\d+\.\d+\S*"), "VERSION"),  # the reader's Python
    (re.compile(r"(?<=Server: Werkzeug/)\d+\.\d+\.\d+\S*"), "VERSION"),  # what pip installed
]


def normalized(lines: list[str]) -> list[str]:
    result = []
    for line in lines:
        for pattern, replacement in VARIES:
            line = pattern.sub(replacement, line)
        result.append(line.rstrip())
    return result


@dataclass
class Step:
    """A command of a console block with the output shown under it, or (``command``
    None) a block of output only, more of the log of the server started last."""

    line: int
    command: str | None
    output: list[str]
    links: list[str] = field(default_factory=list)  # addresses the prose then says to open


def steps(text: str) -> list[Step]:
    """The console blocks of a page, as steps in page order, each with the links after it."""
    found: list[Step] = []
    position = 0
    for match in CONSOLE.finditer(text):
        links = LINK.findall(text[position : match.start()])
        assert not links or found, f"{links}: an address to open before any server runs"
        if found:
            found[-1].links += links
        line = text.count("\n", 0, match.start()) + 2
        body = match["body"].splitlines()
        if body and not body[0].startswith("$ "):
            found.append(Step(line, None, body))
        for offset, row in enumerate(body):
            if row.startswith("$ "):
                found.append(Step(line + offset, row[2:], []))
            elif found and found[-1].command is not None and found[-1].line >= line:
                found[-1].output.append(row)
        position = match.end()
    if found:
        found[-1].links += LINK.findall(text[position:])
    return found


def slug_of(page: Path) -> str:
    """``docs/quickstart/first-app.md`` -> ``quickstart/first_app``."""
    return page.relative_to(DOCS).with_suffix("").as_posix().replace("-", "_")


@dataclass
class Server:
    command: str
    shown_port: str
    url: str
    log: Path
    expected: list[str]

    def as_shown(self, text: str) -> str:
        """The server's real address in ``text`` -> the address the page shows."""
        return text.replace(self.url.removeprefix("http://"), f"127.0.0.1:{self.shown_port}")

    def log_lines(self) -> list[str]:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [self.as_shown(line) for line in text.splitlines() if READY not in line]


class Reader:
    """Runs a page's steps in an unpacked folder, as a reader at a terminal."""

    def __init__(self, page: Path, folder: Path, serve, logs: Path) -> None:
        self.page, self.folder, self.serve, self.logs = page, folder, serve, logs
        self.servers: list[Server] = []
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("FLASK_", "PYTHON")) and key != "VIRTUAL_ENV"
        }
        # An activated virtual environment: its scripts come first on PATH.
        self.env["PATH"] = os.pathsep.join([str(BIN), self.env.get("PATH", "")])
        self.env["VIRTUAL_ENV"] = str(BIN.parent)
        # A terminal shows each line as it is written; a log file gets them in that order.
        self.env["PYTHONUNBUFFERED"] = "1"

    def where(self, step: Step) -> str:
        return f"{self.page.relative_to(ROOT)}, line {step.line}"

    def run(self, step: Step) -> None:
        if step.command is None:
            assert self.servers, f"{self.where(step)}: output shown, but no server runs yet"
            self.servers[-1].expected += step.output
            return
        words = shlex.split(step.command)
        program = words[0]
        if program == "export":
            name, _, value = words[1].partition("=")
            if value.startswith("$(") and value.endswith(")"):  # command substitution
                inner = shlex.split(value[2:-1])
                assert inner[0] == "python", f"{self.where(step)}: only $(python …) is run"
                value = self.execute(step, [str(BIN / "python"), *inner[1:]])[-1]
            self.env[name] = value
            assert not step.output, f"{self.where(step)}: export prints nothing"
        elif program == "pip" and words[1] == "install":
            for name in words[2:]:
                try:
                    version(name)
                except PackageNotFoundError:
                    pytest.fail(f"{self.where(step)}: {name} is not in the guide's environment")
        elif program == "flask" and "run" in words or program == "gunicorn":
            self.start(step, words)
        elif program == "curl":
            self.compare(step, self.execute(step, [self.to_server(word) for word in words]))
        elif program == "python":
            self.compare(step, self.execute(step, [str(BIN / "python"), *words[1:]]))
        else:
            pytest.fail(f"{self.where(step)}: the test does not know how to run {step.command!r}")
        for link in step.links:
            self.open(step, link)

    def start(self, step: Step, words: list[str]) -> None:
        if words[0] == "flask":
            shown_port = "5000"
            command = [str(BIN / "flask"), *words[1:], "--port", "{port}"]
        else:
            address = words[words.index("-b") + 1]
            shown_port = address.rpartition(":")[2]
            command = [str(BIN / "gunicorn"), *words[1:]]
            command[command.index(address)] = address.replace(shown_port, "{port}")
        log = self.logs / f"server-{len(self.servers)}.log"
        with log.open("w") as output:
            url = self.serve(command, cwd=self.folder, env=self.env, ready_path=READY, log=output)
        self.servers.append(Server(step.command, shown_port, url, log, list(step.output)))

    def to_server(self, word: str) -> str:
        """A URL of the page (port 5000 or 8000) -> the same URL on the server started for it."""
        match = LOCAL.search(word)
        if match is None:
            return word
        server = self.server_for(match["port"])
        return word.replace(match[0], server.url.removeprefix("http://"))

    def server_for(self, port: str) -> Server:
        servers = [server for server in self.servers if server.shown_port == port]
        assert servers, f"{self.page.relative_to(ROOT)}: no server runs on port {port}"
        return servers[-1]

    def execute(self, step: Step, command: list[str]) -> list[str]:
        done = subprocess.run(
            command,
            cwd=self.folder,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
        assert done.returncode == 0, f"{self.where(step)}: {step.command}\n{done.stderr}"
        text = done.stdout
        for server in self.servers:  # the URLs in the output, back to the page's ports
            text = text.replace(
                server.url.removeprefix("http://"), f"127.0.0.1:{server.shown_port}"
            )
        return text.splitlines()

    def compare(self, step: Step, printed: list[str]) -> None:
        assert normalized(printed) == normalized(step.output), (
            f"{self.where(step)}: {step.command} printed something else than the page shows:\n"
            + "\n".join(printed)
        )

    def open(self, step: Step, link: str) -> None:
        """An address the page tells the reader to open must reach a view that answers GET."""
        try:
            with urllib.request.urlopen(self.to_server(link), timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            with error:
                status = error.code
        assert status not in (404, 405), f"{self.where(step)}: <{link}> answers {status}"

    def check_logs(self) -> None:
        """What each server's terminal showed begins as the page shows it."""
        for server in self.servers:
            wanted = normalized(server.expected)
            deadline = time.monotonic() + 15
            while len(server.log_lines()) < len(wanted) and time.monotonic() < deadline:
                time.sleep(0.1)
            got = normalized(server.log_lines())[: len(wanted)]
            assert got == wanted, f"{self.page.relative_to(ROOT)}: `{server.command}` logged:\n" + (
                "\n".join(server.log_lines())
            )


def unpack(slug: str, into: Path) -> Path:
    """The page's download, unzipped where a reader would: outside the repository."""
    with zipfile.ZipFile(io.BytesIO(folder_zip(slug))) as archive:
        archive.extractall(into)
    folder = into / PurePosixPath(slug).name
    assert folder.is_dir()
    assert not folder.resolve().is_relative_to(ROOT)
    return folder


def test_every_page_offers_its_own_folder():
    assert PAGES, "docs/quickstart/ has no pages"
    for page in PAGES:
        named = EXAMPLE_FOLDER.findall(page.read_text(encoding="utf-8"))
        assert named == [slug_of(page)], f"{page.relative_to(ROOT)}: names {named}"


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_a_reader_follows_the_page_from_its_zip(page, serve, tmp_path):
    text = page.read_text(encoding="utf-8")
    folder = unpack(slug_of(page), tmp_path / "download")
    reader = Reader(page, folder, serve, tmp_path)
    page_steps = steps(text)
    assert page_steps, f"{page.relative_to(ROOT)}: no console block to follow"
    for step in page_steps:
        reader.run(step)
    reader.check_logs()
