"""A private nginx on a free loopback port, running a page's own server block.

A page shows the ``server { ... }`` block a reader puts in
``/etc/nginx/sites-available/``. ``running(conf, replace=...)`` runs that file
as it is, with a few strings replaced (:func:`render`): each must occur in it,
so a replacement never misses silently. The block goes inside an ``http { }``
like Debian's ``/etc/nginx/nginx.conf`` (:data:`MAIN`), which keeps the pid
file, the logs and the temporary files in a folder of the run's own, in the
foreground (``daemon off``). The master process is stopped when the block
ends, its workers with it, and the folder removed; a start that fails says
why, with the error log.

As root, nginx's workers run as ``www-data``, as on Debian: what they serve
must be readable by that user, and a path they cannot reach is an error
before nginx starts (:func:`check_reachable`), not a 403 later.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .commands import HOST, ServerError, free_port, listening, start, stop_process, wait_until
from .missing import program

#: The main configuration: Debian's, with every path in the run's own folder.
MAIN = """\
daemon off;
{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log notice;

events {{
    worker_connections 64;
}}

http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/temp/client_body;
    proxy_temp_path {folder}/temp/proxy;
    fastcgi_temp_path {folder}/temp/fastcgi;
    uwsgi_temp_path {folder}/temp/uwsgi;
    scgi_temp_path {folder}/temp/scgi;

    include {server};
}}
"""
MIME_TYPES = Path("/etc/nginx/mime.types")
WORKER_USER = "www-data"  # Debian's; nobody owns anything as www-data


@dataclass(frozen=True)
class ConfiguredServer:
    """A server run from configuration files in a folder of its own (nginx, Apache)."""

    url: str  #: http://127.0.0.1:PORT
    folder: Path  #: its configuration, the page's file as rendered, its logs

    @property
    def error_log(self) -> str:
        return (self.folder / "error.log").read_text(errors="replace")


@contextmanager
def server_folder(prefix: str) -> Iterator[Path]:
    """A folder for a server's configuration, logs and temporary files, removed after.

    Not pytest's tmp_path: its folders are 0700, and the server's workers, which run
    as another user when the tests run as root, must reach what is inside.
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def unreachable(path: Path, user: str) -> Path | None:
    """The first folder on the way to ``path`` (itself included) that ``user`` may not
    enter, or None if every one lets it through."""
    account = pwd.getpwnam(user)
    groups = {account.pw_gid} | {group.gr_gid for group in grp.getgrall() if user in group.gr_mem}
    folders = [*reversed(path.parents), path] if path.is_dir() else [*reversed(path.parents)]
    for folder in folders:
        info = folder.stat()
        if info.st_uid == account.pw_uid:
            allowed = info.st_mode & stat.S_IXUSR
        elif info.st_gid in groups:
            allowed = info.st_mode & stat.S_IXGRP
        else:
            allowed = info.st_mode & stat.S_IXOTH
        if not allowed:
            return folder
    return None


def check_reachable(paths, server: str) -> None:
    """As root, the server's workers run as :data:`WORKER_USER`: each of ``paths`` (the
    absolute paths among them that exist) must be within its reach, else ServerError."""
    if os.geteuid() != 0:
        return  # the workers run as the user running the tests
    for text in paths:
        path = Path(text)
        if not path.is_absolute() or not path.exists():
            continue
        blocked = unreachable(path, WORKER_USER)
        if blocked is not None:
            mode = stat.filemode(blocked.stat().st_mode)
            raise ServerError(
                f"{server} runs its workers as {WORKER_USER} when the tests run as root, and "
                f"{WORKER_USER} may not enter {blocked} (mode {mode}), "
                f"on the way to {path}: every request for it would get 403. Run the tests "
                f"from a folder others may enter (chmod o+x {blocked}), or not as root."
            )


class Nginx(ConfiguredServer):
    """A running nginx; its folder is its prefix (``-p``)."""

    @property
    def access_log(self) -> str:
        return (self.folder / "access.log").read_text(errors="replace")

    def logged(self, text: str, timeout: float = 5.0) -> bool:
        """Whether ``text`` shows up in the access log within ``timeout`` seconds.

        A worker writes a request's line after it has sent the response, so a
        client that has its answer may look before the line is there.
        """
        deadline = time.monotonic() + timeout
        while text not in self.access_log:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def check(self) -> str:
        """What ``nginx -t`` says of this configuration (on stderr), paths and all."""
        command = [program("nginx"), "-t", "-p", self.folder, "-c", self.folder / "nginx.conf",
                   "-e", self.folder / "error.log"]  # fmt: skip
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stderr


def render(text: str, replace: Mapping[str, str]) -> str:
    """``text`` with each key of ``replace`` replaced by its value, in order.

    A key that does not occur is an error: a replacement never misses silently.
    """
    for old, new in replace.items():
        if old not in text:
            raise ValueError(f"{old!r} does not occur in the configuration")
        text = text.replace(old, new)
    return text


@contextmanager
def running(
    conf: Path,
    *,
    replace: Mapping[str, str] = {},  # noqa: B006 (never changed)
    port: int | None = None,
    timeout: float = 10.0,
) -> Iterator[Nginx]:
    """Run nginx with the server block ``conf`` until the block ends.

    ``{port}`` in a value of ``replace`` is the port nginx must listen on
    (``port``, or a free one): ``{"listen 80;": "listen 127.0.0.1:{port};"}``.
    """
    nginx = program("nginx")
    port = port or free_port()
    with server_folder("nginx-") as folder:
        yield from _run(nginx, conf, folder, replace, port, timeout)


def _run(nginx, conf, folder, replace, port, timeout):
    """Write the configuration into ``folder``, start nginx, yield it, stop it."""
    (folder / "temp").mkdir()
    as_root = os.geteuid() == 0
    if as_root:
        user = pwd.getpwnam(WORKER_USER)
        os.chown(folder / "temp", user.pw_uid, user.pw_gid)
    values = {old: new.replace("{port}", str(port)) for old, new in replace.items()}
    check_reachable(values.values(), "nginx")
    server = folder / conf.name
    server.write_text(render(conf.read_text(), values))
    main = folder / "nginx.conf"
    main.write_text(
        MAIN.format(
            user=f"user {WORKER_USER};\n" if as_root else "",
            folder=folder,
            mime_types=MIME_TYPES,
            server=server,
        )
    )
    error_log = folder / "error.log"
    error_log.touch()
    command = [nginx, "-p", folder, "-c", main, "-e", error_log]
    with (folder / "nginx.out").open("w") as output:
        process = start(command, output, cwd=folder)
    try:
        wait_until(lambda: listening(port), process, timeout, f"listening on {port}", error_log)
        yield Nginx(f"http://{HOST}:{port}", folder)
    finally:
        stop_process(process)
