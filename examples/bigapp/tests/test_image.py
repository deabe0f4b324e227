"""The Dockerfile: what its COPY lines put in the image is enough to migrate and to serve.

There is no Docker daemon here. The test does what a build does with the files:
it copies what the COPY lines name, less what .dockerignore leaves out, into an
empty folder that stands for the image's WORKDIR. It then runs there the two
commands the image runs, ``alembic upgrade head`` and its CMD, with the
environment a platform would give the container.
"""

import functools
import json
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CONTEXT = Path(__file__).resolve().parent.parent  # the build context: bigapp's folder
BIN = Path(sys.executable).parent


def instructions():
    """The Dockerfile's instructions, ``(NAME, arguments)``, continued lines joined."""
    found, pending = [], ""
    for line in (CONTEXT / "Dockerfile").read_text().splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        pending += line.removesuffix("\\")
        if not line.endswith("\\"):
            name, _, arguments = pending.strip().partition(" ")
            found.append((name.upper(), arguments.strip()))
            pending = ""
    return found


def arguments(name):
    """The arguments of each instruction called ``name``, in order."""
    return [rest for instruction, rest in instructions() if instruction == name]


@functools.cache
def ignore_patterns():
    """.dockerignore as regular expressions: ``*`` stays within a name, ``**/`` crosses
    folders. Exceptions (``!``) are not used here, and are refused rather than misread."""
    patterns = []
    for line in (CONTEXT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        assert not line.startswith("!"), f"exceptions are not handled: {line}"
        body = re.escape(line.strip("/")).replace(r"\*\*/", "(?:.*/)?")
        patterns.append(re.compile(body.replace(r"\*", "[^/]*").replace(r"\?", "[^/]")))
    return patterns


def ignored(relative):
    """Whether .dockerignore leaves out this path, or a folder it is in."""
    parts = Path(relative).parts
    above = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(p.fullmatch(path) for p in ignore_patterns() for path in above)


def build(workdir):
    """Copy what the COPY lines name into ``workdir``, as a build would; return it."""
    for line in arguments("COPY"):
        *sources, destination = shlex.split(line)
        assert not any(s.startswith("--") for s in sources), f"options are not handled: {line}"
        target = workdir / destination
        for source in sources:
            assert not ignored(source), f"COPY {source}: .dockerignore leaves it out"
            path = CONTEXT / source
            if path.is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target / path.name)
                continue
            for file in sorted(path.rglob("*")):
                inside = file.relative_to(CONTEXT).as_posix()
                if file.is_file() and not ignored(inside):
                    copied = target / file.relative_to(path)
                    copied.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(file, copied)
    return workdir


def image_env(server_env):
    """The container's environment: what the platform gives it, and the image's ENV."""
    env = dict(server_env)
    for line in arguments("ENV"):
        env.update(word.split("=", 1) for word in shlex.split(line))
    return env


def test_the_copied_files_are_enough_to_migrate_and_serve(server_env, server, tmp_path):
    workdir = build(tmp_path / "srv" / "bigapp")
    marker = "<!-- from the image's folder -->"
    with (workdir / "bigapp" / "templates" / "base.html").open("a") as template:
        template.write(marker)  # seen in a page only if the app runs from the copy
    env = image_env(server_env)
    migrate = subprocess.run([BIN / "alembic", "upgrade", "head"], cwd=workdir, env=env,
                             capture_output=True, text=True, timeout=120)  # fmt: skip
    assert migrate.returncode == 0, migrate.stderr
    assert "Running upgrade  -> " in migrate.stderr

    command = json.loads(arguments("CMD")[0])
    bind = command.index("--bind") + 1
    command[bind] = command[bind].replace(f"0.0.0.0:{arguments('EXPOSE')[0]}", "127.0.0.1:{port}")
    url = server(command, env, cwd=workdir)
    with urllib.request.urlopen(url + "/", timeout=30) as page:
        assert marker in page.read().decode()
    with urllib.request.urlopen(url + "/api/shelves", timeout=30) as shelves:
        assert json.load(shelves) == []  # migrated: the table is there, empty
    log = tmp_path / "server-0.log"  # the server fixture's: gunicorn's output, both streams
    deadline = time.monotonic() + 10  # a worker logs a request after it has answered it
    while '"GET /api/shelves HTTP/1.1" 200' not in log.read_text():
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.05)


def test_the_build_leaves_out_tests_caches_and_the_instance_folder(tmp_path):
    assert ignored("tests/test_api.py")
    assert ignored("bigapp/__pycache__/db.cpython-311.pyc")
    assert ignored("instance/bigapp.sqlite")
    assert ignored("bigapp.egg-info/PKG-INFO")
    assert not ignored("bigapp/templates/base.html")
    copied = {p.relative_to(tmp_path).as_posix() for p in build(tmp_path).rglob("*")}
    assert "bigapp/migrations/env.py" in copied
    assert not [path for path in copied if "__pycache__" in path or path.startswith("tests")]


def test_the_image_runs_as_a_numbered_user_that_is_not_root():
    (user,) = arguments("USER")
    assert user.isdigit()
    assert int(user) != 0
    assert any(f"--uid {user} " in run for run in arguments("RUN"))  # made in the image
    names = [name for name, _ in instructions()]
    assert names.index("USER") > max(i for i, name in enumerate(names) if name == "RUN")
    assert names.index("USER") < names.index("CMD")


@pytest.mark.parametrize("name", ["ENV", "ARG"])
def test_no_setting_and_no_secret_is_built_into_the_image(name):
    baked = [word.split("=")[0] for line in arguments(name) for word in shlex.split(line)]
    assert all(variable.startswith("PYTHON") for variable in baked), baked
