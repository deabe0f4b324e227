"""A browser a test can drive: Debian's Chromium under Playwright, and a folder on loopback.

``launched()`` starts Chromium by path (Playwright's own browser download does
not work on a closed network) with the quiet flags of :mod:`.chromium`, and
always closes it; a missing Chromium raises :class:`.missing.Missing`.
``serving(folder)`` serves a folder of static files (a built site) on a free
loopback port in a thread, and yields its base URL.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from .chromium import FLAGS
from .commands import HOST
from .missing import program

if TYPE_CHECKING:  # Playwright is imported when a browser starts, not with the harness
    from playwright.sync_api import Browser


#: Flags that leave the browser no network but loopback: every other host name fails to
#: resolve, so a page that needs anything from elsewhere breaks.
LOOPBACK_ONLY = ("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",)


@contextmanager
def launched(*extra: str) -> Iterator[Browser]:
    """Headless Chromium under Playwright, for the length of the block (``extra`` flags too)."""
    path = program("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(path), args=[*FLAGS, *extra], timeout=60_000
        )
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A page closed before its last fetch() ended: not the site's error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _CountingHandler(_QuietHandler):
    """Notes each file it sends, and how many bytes: (path, bytes) in ``sent``."""

    sent: list[tuple[str, int]]

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        self.sent.append((self.path, source.tell() - start))


@contextmanager
def serving(folder: Path, sent: list[tuple[str, int]] | None = None) -> Iterator[str]:
    """``folder``'s files over HTTP on 127.0.0.1 until the block ends; yield the base URL.

    With ``sent``, each file sent is appended to it as ``(path, bytes)``: what a
    page really fetched from the server, caches aside.
    """
    handler = _QuietHandler
    if sent is not None:
        handler = type("Counting", (_CountingHandler,), {"sent": sent})
    server = _Server((HOST, 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, name="static-site", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
