"""The ``page`` object every page's blocks can reach, and the fixture that makes it.

See the README's "Writing a page" for what a page may use. A page is one
story: the fixture is module-scoped, so all the blocks of a page share one
``page``, and what the page entered is closed after its last block, even when
a block failed.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest

from .documents import PageDocument
from .examples import ExampleFolders


@dataclass
class Page:
    """What a page's blocks can reach as ``page``."""

    document: PageDocument
    tmp_path: Path
    folders: ExampleFolders
    request: pytest.FixtureRequest
    resources: ExitStack = field(default_factory=ExitStack)

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

    @property
    def path(self) -> Path:
        return Path(self.document.path)

    @cached_property
    def app(self):
        """A Flask app named after the page, in testing mode, with a throwaway instance folder."""
        from flask import Flask

        app = Flask(self.document.module.__name__, instance_path=str(self.tmp_path / "instance"))
        app.config.update(TESTING=True, SECRET_KEY="a key for this page only")
        return app

    @cached_property
    def client(self):
        """A test client for :attr:`app`."""
        return self.app.test_client()


@pytest.fixture(scope="module")
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The running page: requested by every block of a page."""
    (document,) = request.node.documents
    folders = ExampleFolders()
    document.enter()
    try:
        page = Page(document, tmp_path_factory.mktemp(Path(document.path).stem), folders, request)
        with page.resources:
            yield page
    finally:
        folders.close()
        document.leave()
