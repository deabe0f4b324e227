"""What each service needs from the machine, and how to install it when it is missing.

One table for every service: a test or page that needs a program this machine
lacks is skipped, and the skip says how to get it. CI installs every package
named here (``.ci/apt-packages``), so nothing is skipped there.
"""

from __future__ import annotations

import glob
import shutil
from pathlib import Path


def _postgres_bindir() -> str | None:
    # Debian installs the server programs per version, off PATH: take the newest.
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    return found[-1] if found else None


def _apache_with_mod_wsgi() -> str | None:
    apache2 = shutil.which("apache2") or shutil.which("apache2", path="/usr/sbin")
    return apache2 if Path("/usr/lib/apache2/modules/mod_wsgi.so").is_file() else None


#: Service -> (where its program is, or None; the Debian package that provides it).
NEEDS = {
    "postgresql": (_postgres_bindir, "postgresql"),
    "redis": (lambda: shutil.which("redis-server"), "redis-server"),
    "chromium": (lambda: shutil.which("chromium"), "chromium"),
    "graphviz": (lambda: shutil.which("dot"), "graphviz"),
    # /usr/sbin is not on every user's PATH.
    "nginx": (lambda: shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin"), "nginx"),
    "apache": (_apache_with_mod_wsgi, "apache2 libapache2-mod-wsgi-py3"),
}


class Missing(RuntimeError):
    """A service's program is not installed; the message says how to install it."""

    def __init__(self, service: str) -> None:
        package = NEEDS[service][1]
        super().__init__(
            f"{service} is not installed: apt-get install {package} "
            "(.ci/apt-packages installs it in CI)"
        )


def program(service: str) -> Path:
    """Where ``service``'s program is (PostgreSQL: its bin folder), or raise :class:`Missing`."""
    found = NEEDS[service][0]()
    if found is None:
        raise Missing(service)
    return Path(found)
