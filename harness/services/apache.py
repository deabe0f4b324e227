"""A private Apache with mod_wsgi on a free loopback port, running a page's own virtual host.

The twin of :mod:`.nginx`: a page shows the ``<VirtualHost>`` a reader puts in
``/etc/apache2/sites-available/``; ``running(conf, replace=...)`` runs that file
as it is, with a few strings replaced (:func:`.nginx.render`), inside a main
configuration like Debian's ``apache2.conf`` (:data:`MAIN`) whose paths are all
in a folder of the run's own. Apache stays in the foreground and is stopped,
with its children and mod_wsgi's daemon processes, when the block ends.

mod_wsgi embeds the Python it was built for, Debian's ``/usr/bin/python3``,
not the test run's. Its ``python-home`` must be a virtual environment of that
Python (:func:`debian_venv`); the tests give it the run's packages with a
``.pth`` file, where a reader installs them with pip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .commands import HOST, ServerError, free_port, listening, start, stop_process, wait_until
from .missing import program
from .nginx import WORKER_USER, ConfiguredServer, check_reachable, render, server_folder

MODULES = Path("/usr/lib/apache2/modules")
DEBIAN_PYTHON = Path("/usr/bin/python3")  # what Debian's libapache2-mod-wsgi-py3 embeds

#: The main configuration: Debian's apache2.conf, cut down, with every path in the run's folder.
MAIN = """\
ServerRoot {folder}
DefaultRuntimeDir {folder}
PidFile {folder}/httpd.pid
Mutex file:{folder} default
ServerName localhost
Listen {host}:{port}
ErrorLog {folder}/error.log
LogLevel info
{user}
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule alias_module {modules}/mod_alias.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule wsgi_module {modules}/mod_wsgi.so
TypesConfig /etc/mime.types
LogFormat "%h %l %u %t \\"%r\\" %>s %O" common
CustomLog {folder}/access.log common
WSGISocketPrefix {folder}/wsgi

<Directory />
    AllowOverride None
    Require all denied
</Directory>

Include {server}
"""


class Apache(ConfiguredServer):
    """A running Apache; its folder is its ServerRoot (httpd.conf, the virtual host)."""


def debian_venv(folder: Path) -> Path:
    """A virtual environment of Debian's Python in ``folder``, whose packages are the
    test run's: a ``.pth`` file names this interpreter's site-packages."""
    venv = folder / "venv"
    subprocess.run([DEBIAN_PYTHON, "-m", "venv", "--without-pip", venv], check=True, timeout=60)
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "test-run.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


@contextmanager
def running(
    conf: Path,
    *,
    replace: Mapping[str, str] = {},  # noqa: B006 (never changed)
    timeout: float = 20.0,
) -> Iterator[Apache]:
    """Run Apache with the virtual host ``conf`` until the block ends.

    In the values of ``replace``, ``{port}`` is the port Apache listens on and
    ``{venv}`` a virtual environment of Debian's Python (:func:`debian_venv`).
    """
    apache2 = program("apache")
    with server_folder("apache-") as folder:
        port = free_port()
        venv = None
        if any("{venv}" in value for value in replace.values()):
            if not debian_python_matches():
                here = f"{sys.version_info[0]}.{sys.version_info[1]}"
                raise RuntimeError(
                    f"{DEBIAN_PYTHON}, which mod_wsgi embeds, is not Python {here}: "
                    "it cannot load the run's packages"
                )
            venv = debian_venv(folder)
        values = {
            old: new.replace("{port}", str(port)).replace("{venv}", str(venv))
            for old, new in replace.items()
        }
        # mod_wsgi's daemon reads the run's packages too, through the .pth file
        packages = [sysconfig.get_paths()["purelib"]] if venv else []
        check_reachable([*values.values(), *packages], "Apache")
        server = folder / conf.name
        server.write_text(render(conf.read_text(), values))
        as_root = os.geteuid() == 0
        main = folder / "httpd.conf"
        main.write_text(
            MAIN.format(
                folder=folder,
                host=HOST,
                port=port,
                user=f"User {WORKER_USER}\nGroup {WORKER_USER}" if as_root else "",
                modules=MODULES,
                server=server,
            )
        )
        error_log = folder / "error.log"
        error_log.touch()
        with (folder / "apache.out").open("w") as output:
            process = start([apache2, "-f", main, "-DFOREGROUND"], output, cwd=folder)
        try:
            what, out = f"listening on {port}", folder / "apache.out"
            try:  # a syntax error goes to the output, anything later to the error log
                wait_until(lambda: listening(port), process, timeout, what, out)
            except ServerError as error:
                raise ServerError(f"{error}\n{error_log.read_text()}") from None
            yield Apache(f"http://{HOST}:{port}", folder)
        finally:
            stop_process(process)


def debian_python_matches() -> bool:
    """Whether Debian's Python has this interpreter's minor version: the run's
    packages (compiled ones included) then load in mod_wsgi's Python."""
    found = shutil.which(str(DEBIAN_PYTHON))
    if found is None:
        return False
    version = subprocess.run(
        [found, "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True, text=True, timeout=30, check=True,
    ).stdout.strip()  # fmt: skip
    return version == str(sys.version_info[:2])
