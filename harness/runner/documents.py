"""Pages as modules: each page runs in the ``__dict__`` of a real module named after it.

Flask derives an app's root path from the module named by ``__name__``, so a
page's namespace must be a module with a file: ``Flask(__name__)`` on
``docs/becoming-big/hooks.md`` makes an app named ``becoming_big_hooks`` whose
root path is the page's folder. The module is in :data:`sys.modules` only while
the page runs.
"""

from __future__ import annotations

import importlib.machinery
import re
import sys
import types
from pathlib import Path

from sybil import Document

from .settings import read_settings


def display_path(path: str | Path, root: Path | None = None) -> str:
    """A path relative to ``root`` (the working directory) when it is below it, else absolute."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def module_name_for(path: Path, docs_root: Path) -> str:
    """A top-level module name for a page: ``becoming-big/hooks.md`` -> ``becoming_big_hooks``.

    A name that an importable module already uses (``json.md``) would shadow
    it, so that is refused.
    """
    relative = path.relative_to(docs_root).with_suffix("")
    name = re.sub(r"\W", "_", "_".join(relative.parts))
    if name[0].isdigit():
        name = "page_" + name
    if name in sys.builtin_module_names or importlib.machinery.PathFinder.find_spec(name):
        raise ValueError(
            f"{path}: the page would run as module {name!r}, which shadows an importable "
            "module; rename the page"
        )
    return name


class PageDocument(Document):
    """A page whose namespace is the ``__dict__`` of a module named after it."""

    docs_root: Path  # set on the subclass that document_type() makes

    def __init__(self, text: str, path: str) -> None:
        super().__init__(text, path)
        name = module_name_for(Path(path), self.docs_root)
        self.module = types.ModuleType(name, f"The executed blocks of {path}")
        self.module.__file__ = path
        self.module.__spec__ = importlib.machinery.ModuleSpec(name, None, origin=path)
        self.namespace = self.module.__dict__
        self.settings = read_settings(text, display_path(path))

    def enter(self) -> None:
        sys.modules[self.module.__name__] = self.module

    def leave(self) -> None:
        if sys.modules.get(self.module.__name__) is self.module:
            del sys.modules[self.module.__name__]


def document_type(docs_root: Path) -> type[PageDocument]:
    """The document class for the pages under ``docs_root``."""
    return type("Page", (PageDocument,), {"docs_root": docs_root.resolve()})
