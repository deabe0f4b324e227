"""The fixtures of every example test: the example module comes from the test file's path.

A test file mirrors the module it tests::

    tests/examples/quickstart/first_app/test_hello.py
        -> examples/quickstart/first_app/hello.py
    tests/examples/becoming_big/blueprints/shop/test_api.py
        -> examples/becoming_big/blueprints/shop/api.py (imported as shop.api)
    tests/examples/becoming_big/blueprints/shop/test___init__.py
        -> examples/becoming_big/blueprints/shop/__init__.py (the package shop)

The module is imported the way a reader runs it: from its import root, the first
folder above it without an ``__init__.py``, put first on ``sys.path``
(``examples/becoming_big/blueprints``, where ``shop.api`` is importable). Each
test gets a fresh import, forgotten afterwards (:class:`ExampleFolders`).

* ``example``: ``.folder`` (the import root), ``.module`` and ``.path``;
* ``app``: the module's ``app``, or else ``create_app()`` called with no
  arguments. A test file that needs another app overrides it::

      @pytest.fixture
      def app(example):
          return example.module.create_app({"TESTING": True})

* ``client``: ``app.test_client()``.

Other modules of the same folder are importable as soon as a test uses
``example``: ``from hello_tiny import app``. (``use_example`` on that folder, in
the same test, would refuse: its modules are already imported.) A module that
reads the environment when imported needs it set first: an ``autouse`` fixture
of the test file runs before ``example``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from harness.runner.examples import ExampleFolders
from harness.runner.plugin import examples_root


@dataclass(frozen=True)
class Example:
    """The example module of a test file, imported from its folder."""

    folder: Path  #: the import root, put first on sys.path (examples/quickstart/first_app)
    module: ModuleType  #: the module, freshly imported for this test
    path: Path  #: its file (examples/quickstart/first_app/hello.py)


def module_path(test_file: Path, config: pytest.Config) -> Path:
    """``tests/examples/<slug>/test_<name>.py`` -> ``examples/<slug>/<name>.py``."""
    relative = test_file.resolve().relative_to(config.rootpath / "tests" / "examples")
    return examples_root(config) / relative.parent / relative.name.removeprefix("test_")


def import_root(path: Path) -> tuple[Path, str]:
    """The folder to put on sys.path for a module's file, and its dotted name there."""
    folder, parts = path.parent, [] if path.stem == "__init__" else [path.stem]
    while (folder / "__init__.py").is_file():
        folder, parts = folder.parent, [folder.name, *parts]
    return folder, ".".join(parts)


@pytest.fixture
def example(request: pytest.FixtureRequest):
    """The example module this test file tests, imported fresh from its folder."""
    test_file = Path(request.path)
    path = module_path(test_file, request.config)
    root_path = request.config.rootpath
    if not path.is_file():
        pytest.fail(
            f"{test_file.relative_to(root_path)}: no example module "
            f"{path.relative_to(root_path)}; "
            "a test file tests/examples/<slug>/test_<name>.py tests examples/<slug>/<name>.py",
            pytrace=False,
        )
    root, name = import_root(path)
    folders = ExampleFolders(examples_root(request.config))
    try:
        folder = folders.use(root.relative_to(folders.root).as_posix())
        yield Example(folder, importlib.import_module(name), path)
    finally:
        folders.close()


@pytest.fixture
def app(example: Example):
    """The module's ``app``, or else the app of its ``create_app()``."""
    if hasattr(example.module, "app"):
        return example.module.app
    if hasattr(example.module, "create_app"):
        return example.module.create_app()
    pytest.fail(
        f"{example.path} has no `app` and no `create_app()`: "
        "override the `app` fixture in the test file",
        pytrace=False,
    )


@pytest.fixture
def client(app):
    """The test client of ``app``."""
    return app.test_client()
