"""A time limit for one block: a block that hangs fails, naming its page and line.

The limit is enforced with ``SIGALRM`` in the thread that runs the block (the
main thread, where pytest and its xdist workers run tests), so a block stuck in
Python code or in a blocking system call (``accept``, ``recv``, ``sleep``) is
interrupted with :class:`BlockTimeout`.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class BlockTimeout(Exception):
    """The block ran longer than its page allows."""


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach only the main thread; there is nothing to arm
        return

    def expired(signum, frame):
        raise BlockTimeout(
            f"{what} ran longer than {seconds:g} s: a block that waits for something that never "
            "comes (a server, a socket, input) hangs; raise the page's limit with "
            "'% block-timeout: <seconds>' if it really needs longer"
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
