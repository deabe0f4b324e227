"""A real browser: Debian's Chromium, headless, with no network beyond loopback.

``running(folder)`` yields a :class:`Chromium` whose profile lives in
``folder``; ``dump_dom(url)`` loads a page, lets its scripts run, and returns
the document as the browser ends up with it (after its ``fetch()`` calls, say).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .missing import program

#: Headless, and quiet: without the background-networking flags Chromium keeps
#: trying to reach Google's hosts, which this machine's closed network refuses.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-extensions",
]


@dataclass(frozen=True)
class Chromium:
    path: Path
    profile: Path

    def dump_dom(self, url: str, budget_ms: int = 5000, timeout: float = 60.0) -> str:
        """The page's DOM once its scripts have had ``budget_ms`` of virtual time."""
        done = subprocess.run(
            [
                self.path,
                *FLAGS,
                f"--user-data-dir={self.profile}",
                f"--virtual-time-budget={budget_ms}",
                "--dump-dom",
                url,
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return done.stdout


@contextmanager
def running(folder: Path) -> Iterator[Chromium]:
    """Chromium with a fresh profile in ``folder``, for the length of the block."""
    yield Chromium(program("chromium"), Path(folder) / "chromium-profile")
