"""Every app of the guide's examples, found without being listed.

:func:`find_apps` walks a folder (``examples/``), imports every module that is
not a test (it skips ``tests/``, ``instance/``, ``test_*.py`` and
``conftest.py``, and ``migrations/``: Alembic's scripts, which only the
``alembic`` command runs), and finds each module-level Flask ``app``, each other WSGI
callable named ``application`` (a dispatcher that mounts several apps, say),
and the app of each ``create_app(test_config=None)`` factory, called with a
test configuration and an instance folder of its own. A module that fails to
import, or a factory that fails, is yielded with its error, so nothing is
skipped in silence; so is a ``create_app`` that takes no ``test_config``.

The audits of every app use it: ``tests/test_wsgi_audit.py`` (the WSGI
protocol) and ``tests/test_fuzz_routes.py`` (hostile input on every route).
pytest finds this module through ``pythonpath`` in pyproject.toml.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from flask import Flask

from harness.runner.examples import RootLogging

SKIPPED = {"tests", "instance", "__pycache__", "migrations"}
TEST_CONFIG = {"TESTING": True, "PROPAGATE_EXCEPTIONS": False, "SECRET_KEY": "for the audit"}


def import_root(file: Path) -> tuple[Path, str]:
    """The folder to put on sys.path for ``file``, and the module's dotted name there."""
    folder, parts = file.parent, [] if file.stem == "__init__" else [file.stem]
    while (folder / "__init__.py").is_file():
        folder, parts = folder.parent, [folder.name, *parts]
    return folder, ".".join(parts)


def modules(folder: Path) -> dict[Path, list[tuple[Path, str]]]:
    """Every module under ``folder`` that is not a test, grouped by import root."""
    found = defaultdict(list)
    for file in sorted(folder.rglob("*.py")):
        parts = file.relative_to(folder).parts
        if SKIPPED.intersection(parts) or file.name.startswith(("test_", "conftest")):
            continue
        root, name = import_root(file)
        found[root].append((file, name))
    return found


@contextmanager
def importable(root: Path) -> Iterator[None]:
    """Import from ``root`` as if Python ran there; its modules are forgotten afterwards."""
    names = {p.stem for p in root.glob("*.py")} | {
        p.parent.name for p in root.glob("*/__init__.py")
    }

    def mine(module_name: str) -> bool:
        return module_name.partition(".")[0] in names

    saved = {name: module for name, module in sys.modules.items() if mine(name)}
    root_logging = RootLogging()  # an example may configure logging when imported
    for name in saved:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        yield
    finally:
        sys.path.remove(str(root))
        for name in [name for name in sys.modules if mine(name)]:
            del sys.modules[name]
        sys.modules.update(saved)
        root_logging.restore()


class NotAuditable(str):
    """Why a factory was not called: it does not take a test configuration."""


def find_apps(
    folder: Path, instance: Path, config: Mapping | None = None
) -> Iterator[tuple[str, object]]:
    """Yield ``(name, app)`` for each app, or ``(name, error)`` for what would not load.

    ``name`` is ``"examples/<path>.py: app"`` (or ``: application``, or
    ``: create_app()``); factories get ``config`` (:data:`TEST_CONFIG` by
    default). Each app is yielded while its modules are importable, so it can
    be called right away.
    """
    for root, found in modules(folder).items():
        with importable(root):
            for file, name in found:
                where = str(file.relative_to(folder.parent))
                try:
                    module = importlib.import_module(name)
                except Exception as error:  # any failure to import is reported, by name
                    yield where, error
                    continue
                app = getattr(module, "app", None)
                if isinstance(app, Flask) and app.import_name == module.__name__:
                    yield f"{where}: app", app
                application = getattr(module, "application", None)
                if callable(application) and not isinstance(application, Flask):
                    yield f"{where}: application", application
                factory = getattr(module, "create_app", None)
                if callable(factory) and factory.__module__ == module.__name__:
                    built = build(factory, instance / name, config or TEST_CONFIG)
                    yield f"{where}: create_app()", built


def build(
    factory, instance: Path, config: Mapping = TEST_CONFIG
) -> Flask | Exception | NotAuditable:
    """Call a factory with a copy of ``config`` and its own instance folder."""
    if "test_config" not in inspect.signature(factory).parameters:
        return NotAuditable(f"create_app{inspect.signature(factory)} takes no test_config")
    instance.mkdir(parents=True, exist_ok=True)  # Flask leaves creating it to the app
    folder = str(instance)
    try:
        with mock.patch.object(Flask, "auto_find_instance_path", return_value=folder):
            return factory(dict(config))
    except Exception as error:  # reported by name, like an import error
        return error
