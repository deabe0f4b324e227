"""The ``page`` object every page's blocks can reach, and the fixture that makes it.

See the README's "Writing a page" for what a page may use. A page is one
story: the fixture is module-scoped, so all the blocks of a page share one
``page``, and what the page entered is closed after its last block, even when
a block failed. Around the page the fixture also seeds :mod:`random`, freezes
the clock if the page asks (:mod:`.settings`), and fails the page if it left a
thread, a process or a listening socket behind (:mod:`.leaks`).
"""

from __future__ import annotations

import random
import re
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import pytest

from .documents import PageDocument
from .examples import ExampleFolders
from .leaks import Snapshot, left_behind
from .parsers import display_path


@dataclass
class Page:
    """What a page's blocks can reach as ``page``."""

    document: PageDocument
    tmp_path: Path
    folders: ExampleFolders
    request: pytest.FixtureRequest
    resources: ExitStack = field(default_factory=ExitStack)
    running_at_start: Snapshot = field(default_factory=Snapshot.take)

    def enter_context(self, manager: AbstractContextManager):
        """Enter ``manager`` (a server, say) and keep it open until the page ends."""
        return self.resources.enter_context(manager)

    def use_example(self, name: str) -> Path:
        """Import from ``examples/<name>`` for the rest of the page, as if run in that folder."""
        return self.folders.use(name)

    def fixture(self, name: str, *, optional: bool = False):
        """A session-wide fixture of the test run, such as ``postgres_server`` or
        ``smtp_server`` (harness/services): the same one the tests get.

        A fixture whose program is not installed skips the block that asked for
        it; with ``optional=True`` it gives None instead, for a page that skips
        its own blocks with a written reason.
        """
        try:
            return self.request.getfixturevalue(name)
        except pytest.skip.Exception:
            if optional:
                return None
            raise
        finally:
            # What a session-wide service starts lives on for later pages: not a leak.
            self.running_at_start.allow(Snapshot.take())

    def before(self, package: str, release: str) -> bool:
        """Whether the installed ``package`` is older than ``release`` ("3.1.3").

        For the skips of a page whose output differs between versions: the
        block written for the newer release, and a hidden twin that checks the
        older one's output, each skipped where the other runs::

            % skip: next if(page.before("flask", "3.1.3"), reason="...")
        """
        return _release(version(package)) < _release(release)

    @property
    def path(self) -> Path:
        return Path(self.document.path)


def _release(text: str) -> tuple[int, ...]:
    """``"3.1.3"`` -> ``(3, 1, 3)``; a pre-release suffix (``3.2.0rc1``) counts as its base."""
    return tuple(int(re.match(r"\d+", part)[0]) for part in text.split(".")[:3])


@pytest.fixture(scope="module")
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The running page: requested by every block of a page."""
    (document,) = request.node.documents
    folders = ExampleFolders(request.config.rootpath / request.config.getini("examples"))
    random.seed(document.module.__name__)  # the same "random" output on every run
    document.enter()
    try:
        page = Page(document, tmp_path_factory.mktemp(Path(document.path).stem), folders, request)
        with page.resources:
            if document.settings.freeze_time is not None:
                import time_machine

                frozen = time_machine.travel(document.settings.freeze_time, tick=False)
                page.resources.enter_context(frozen)
            yield page
    finally:
        folders.close()
        document.leave()
    leftovers = left_behind(page.running_at_start)
    if leftovers.described:
        leftovers.stop_processes()
        pytest.fail(
            f"{display_path(document.path, request.config.rootpath)}: the page left running "
            f"after its last block: {', '.join(leftovers.described)}. Stop what a page starts, "
            "for example with page.enter_context() or page.resources.callback().",
            pytrace=False,
        )
