"""examples/in_the_box/development_server/crashing.py under `flask run --debug`, for real."""

import contextlib
import json
import re
import shutil
import time

from harness.services.commands import BIN, fetch

# A fixed PIN, so the test can type it; left unset, Werkzeug derives one from the machine.
PIN = "123-456-789"


def test_the_app_answers(client):
    assert client.get("/divide/6/3").text == "6 / 3 = 2.0"
    assert client.get("/divide/1/0").status_code == 500


def test_the_debugger_shows_the_error_and_its_console_needs_the_pin(example, serve, tmp_path):
    log = (tmp_path / "server.log").open("w+")
    command = [BIN / "flask", "--app", "crashing", "run", "--debug", "--port", "{port}"]
    url = serve(command, cwd=example.folder, env={"WERKZEUG_DEBUG_PIN": PIN}, log=log)
    assert fetch(url + "/")[0] == 200
    status, headers, body = fetch(url + "/divide/1/0")
    page = body.decode()
    secret = re.search(r'SECRET = "([^"]+)"', page)[1]
    pin_url = f"{url}/?__debugger__=yes&cmd=pinauth&s={secret}&pin="
    wrong = json.loads(fetch(pin_url + "000-000-000")[2])
    right = json.loads(fetch(pin_url + PIN)[2])
    with log:
        log.seek(0)
        output = log.read()
    assert status == 500
    assert "ZeroDivisionError: division by zero" in page
    assert "Werkzeug Debugger" in page
    assert wrong == {"auth": False, "exhausted": False}
    assert right == {"auth": True, "exhausted": False}
    assert "WARNING: This is a development server. Do not use it in a production" in output
    assert "* Serving Flask app 'crashing'" in output
    assert "* Debug mode: on" in output
    assert f"* Running on {url}" in output
    assert "* Debugger is active!" in output
    assert "* Restarting with stat" in output
    assert f"* Debugger PIN: {PIN}" in output


def test_the_reloader_serves_the_new_code_after_a_save(example, serve, tmp_path):
    shutil.copy(example.path, tmp_path)
    url = serve([BIN / "flask", "--app", "crashing", "run", "--debug", "--port", "{port}"],
                cwd=tmp_path)  # fmt: skip
    assert fetch(url + "/")[2].startswith(b"Edit me")
    source = tmp_path / "crashing.py"
    source.write_text(source.read_text().replace("Edit me and save", "Edited"))
    deadline = time.monotonic() + 20
    body = b""
    while time.monotonic() < deadline and not body.startswith(b"Edited"):
        time.sleep(0.3)
        with contextlib.suppress(OSError):  # the server is restarting
            body = fetch(url + "/", timeout=2)[2]
    assert body.startswith(b"Edited: the reloader restarts the server.")
