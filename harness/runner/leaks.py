"""What a page left running: threads, child processes and listening sockets.

A snapshot is taken before a page's first block and compared with one after
its last block, once everything the page entered has been closed. Whatever is
new was started by the page and not stopped: a server thread, a ``flask run``
process, a socket still listening. Anything the test run itself keeps for
later pages (a session-wide service that a page asked for) is allowed by
taking it into the "before" snapshot (:meth:`Snapshot.allow`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


def _children(pid: int) -> set[int]:
    """Living child processes of ``pid`` (Linux /proc), zombies left out."""
    found = set()
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found |= {int(child) for child in children.read_text().split()}
        except OSError:
            continue
    living = set()
    for child in found:
        try:
            state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            living.add(child)
    return living


def _command(pid: int) -> str:
    try:
        parts = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    return " ".join(part.decode(errors="replace") for part in parts if part)[:80]


def _listening() -> set[str]:
    """Addresses this process listens on (TCP, IPv4 and IPv6), from /proc/net."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table, size in (("tcp", 8), ("tcp6", 32)):
        try:
            lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                address, port = fields[1].split(":")
                host = "127.0.0.1" if size == 8 and address == "0100007F" else address
                found.add(f"{host}:{int(port, 16)}")
    return found


@dataclass
class Snapshot:
    threads: set[int] = field(default_factory=set)
    processes: set[int] = field(default_factory=set)
    sockets: set[str] = field(default_factory=set)

    @classmethod
    def take(cls) -> Snapshot:
        return cls(
            {thread.ident for thread in threading.enumerate() if thread.ident is not None},
            _children(os.getpid()),
            _listening(),
        )

    def allow(self, other: Snapshot) -> None:
        """Count what ``other`` holds as there before (kept by the run, not the page)."""
        self.threads |= other.threads
        self.processes |= other.processes
        self.sockets |= other.sockets


@dataclass
class Leftovers:
    """What a page left running: a line for each thing, and the processes among them."""

    described: list[str]
    processes: list[int]

    def stop_processes(self) -> None:
        """End the left processes, so that they do not outlive the test run."""
        for pid in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def left_behind(before: Snapshot, grace: float = 1.0) -> Leftovers:
    """What is running now that was not before, after waiting ``grace`` seconds for it to end."""
    deadline = time.monotonic() + grace
    while True:
        now = Snapshot.take()
        threads = [t for t in threading.enumerate() if t.ident in now.threads - before.threads]
        processes = sorted(now.processes - before.processes)
        sockets = sorted(now.sockets - before.sockets)
        if not (threads or processes or sockets) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    return Leftovers(
        [f"thread {thread.name!r}" for thread in threads]
        + [f"process {pid} ({_command(pid)})" for pid in processes]
        + [f"a socket listening on {address}" for address in sockets],
        processes,
    )
