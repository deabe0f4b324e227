"""examples/in_the_box/development_server/crashing.py under `flask run --debug`, for real.

The page shows the command and what it prints; these tests run that command on
a free loopback port and hold its output against the page's console block.
"""

import contextlib
import re
import shutil
import time
import urllib.error
import urllib.request

from harness import DOCS
from harness.services.commands import BIN, fetch

PAGE = DOCS / "in-the-box" / "development-server.md"
COMMAND = ["flask", "--app", "crashing", "run", "--debug"]
# A fixed PIN, so the test can type it; left unset, Werkzeug derives one from the machine.
PIN = "123-456-789"
UNTRUSTED = "192.0.2.10"  # an address of another machine (TEST-NET-1)


def console_block(command: str) -> list[str]:
    """The lines the page shows under ``$ <command>`` in a console block."""
    text = PAGE.read_text(encoding="utf-8")
    block = re.search(rf"```console\n\$ {re.escape(command)}\n(.*?)```", text, re.S)
    assert block, f"{PAGE.name}: no console block for `{command}`"
    return block[1].splitlines()


def in_order(expected: list[str], output: list[str]) -> list[str]:
    """The expected lines (``...`` matches any text) not found in ``output`` in that order."""
    missing, start = [], 0
    for line in expected:
        pattern = re.compile(".*".join(map(re.escape, line.split("..."))))
        found = next((i for i in range(start, len(output)) if pattern.fullmatch(output[i])), None)
        if found is None:
            missing.append(line)
        else:
            start = found + 1
    return missing


def get(url: str, host: str | None = None, cookie: str | None = None):
    """GET over real HTTP with a chosen Host header: (status, headers, text)."""
    request = urllib.request.Request(url)
    if host:
        request.add_header("Host", host)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


def test_the_app_answers(client):
    assert client.get("/divide/6/3").text == "6 / 3 = 2.0"
    assert client.get("/divide/1/0").status_code == 500


def test_the_command_prints_what_the_page_shows(example, serve, tmp_path):
    with (tmp_path / "server.log").open("w+") as log:
        command = [BIN / COMMAND[0], *COMMAND[1:], "--port", "{port}"]
        url = serve(command, cwd=example.folder, log=log)
        deadline = time.monotonic() + 10
        while "Debugger PIN" not in (output := log_text(log)) and time.monotonic() < deadline:
            time.sleep(0.1)
    port = url.rsplit(":", 1)[1]
    expected = [line.replace(":5000", f":{port}") for line in console_block(" ".join(COMMAND))]
    assert not in_order(expected, output.splitlines()), output
    # The whole warning, as the page quotes it: nothing about load or traffic.
    assert (
        "WARNING: This is a development server. Do not use it in a production deployment."
        " Use a production WSGI server instead.\n" in output
    )


def log_text(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()


def test_the_console_needs_a_trusted_host_and_the_pin(example, serve):
    command = [BIN / COMMAND[0], *COMMAND[1:], "--port", "{port}"]
    url = serve(command, cwd=example.folder, env={"WERKZEUG_DEBUG_PIN": PIN})
    port = url.rsplit(":", 1)[1]
    status, _, page = get(url + "/divide/1/0")
    assert status == 500
    assert "ZeroDivisionError: division by zero" in page
    assert "EVALEX = true" in page  # the frames offer their console

    # Another machine's address: the traceback, source lines included, but no console.
    status, _, remote = get(url + "/divide/1/0", host=f"{UNTRUSTED}:{port}")
    assert status == 500
    assert "# /divide/1/0 raises ZeroDivisionError" in remote
    assert "EVALEX = false" in remote
    assert get(url + "/console", host=f"{UNTRUSTED}:{port}")[0] == 400
    assert get(url + "/console", host=f"localhost:{port}")[0] == 200

    # A console command runs only once the PIN was given: `b` is the view's local, 0.
    secret = re.search(r'SECRET = "([^"]+)"', page)[1]
    frame = re.findall(r'<div class="frame" id="frame-(\d+)">', page)[-1]  # the view's frame
    command_url = f"{url}/?__debugger__=yes&cmd=b&frm={frame}&s={secret}"
    status, _, locked = get(command_url)
    assert "Edit me" in locked  # not run: the request fell through to the app's index
    _, headers, _ = get(f"{url}/?__debugger__=yes&cmd=pinauth&pin={PIN}&s={secret}")
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, evaluated = get(command_url, cookie=cookie)
    assert status == 200
    assert re.search(r">0<", evaluated), evaluated


def test_the_reloader_serves_the_new_code_and_keeps_the_pin(example, serve, tmp_path):
    shutil.copy(example.path, tmp_path)
    with (tmp_path / "server.log").open("w+") as log:
        command = [BIN / COMMAND[0], *COMMAND[1:], "--port", "{port}"]
        url = serve(command, cwd=tmp_path, log=log)
        assert fetch(url + "/")[2].startswith(b"Edit me")
        source = tmp_path / "crashing.py"
        source.write_text(source.read_text().replace("Edit me and save", "Edited"))
        deadline = time.monotonic() + 20
        body = b""
        while time.monotonic() < deadline and not body.startswith(b"Edited"):
            time.sleep(0.3)
            with contextlib.suppress(OSError):  # the server is restarting
                body = fetch(url + "/", timeout=2)[2]
        output = log_text(log)
    assert body.startswith(b"Edited: the reloader restarts the server.")
    assert "Detected change in" in output
    pins = re.findall(r"Debugger PIN: (\d{3}-\d{3}-\d{3})", output)
    assert len(pins) == 2, output
    assert pins[0] == pins[1]  # derived again after the restart: the same PIN
