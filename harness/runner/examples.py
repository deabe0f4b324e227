"""Import example apps the way a reader runs them: from inside their folder.

A reader types ``flask --app hello run`` in ``examples/quickstart/first_app/``: the module
is called ``hello``, its app's root path is that folder, its instance folder is
``examples/quickstart/first_app/instance``. Pages and tests get the same by putting the
example's folder first on :data:`sys.path` for a while::

    folders = ExampleFolders()
    folders.use("quickstart/first_app")  # now `from hello import app` works
    ...
    folders.close()                      # the folder and its modules are forgotten

Each user gets fresh modules: what one page or test does to an example's app
does not leak into the next.
"""

from __future__ import annotations

import importlib.machinery
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .. import EXAMPLES


def top_level_names(folder: Path) -> set[str]:
    """Names importable from a folder: its modules and packages, not a reader's tests."""
    names = {
        p.stem
        for p in folder.glob("*.py")
        if p.name != "conftest.py" and not p.name.startswith("test_")
    }
    names |= {p.parent.name for p in folder.glob("*/__init__.py")}
    return names


@dataclass
class RootLogging:
    """The root logger's handlers and level, to put back after an example configured
    logging when imported (``logging.config.dictConfig`` at the top of a module)."""

    handlers: list = field(default_factory=lambda: logging.getLogger().handlers[:])
    level: int = field(default_factory=lambda: logging.getLogger().level)

    def restore(self) -> None:
        root = logging.getLogger()
        for handler in root.handlers:
            if handler not in self.handlers:
                handler.close()
        root.handlers[:] = self.handlers
        root.setLevel(self.level)


class ExampleFolders:
    """Example folders put on sys.path, and taken off again with everything they loaded."""

    def __init__(self, root: Path = EXAMPLES) -> None:
        self.root = root  # the examples/ folder: the runner's ini setting "examples"
        self.folders: list[Path] = []
        self.logging: RootLogging | None = None

    def use(self, name: str) -> Path:
        """Make ``examples/<name>``'s modules importable, as if Python ran in that folder."""
        folder = (self.root / name).resolve()
        if not folder.is_dir():
            raise FileNotFoundError(f"no example folder {folder}")
        for module in sorted(top_level_names(folder)):
            if module in sys.modules:
                raise ValueError(
                    f"examples/{name}/{module}: a module named {module!r} is already imported "
                    f"from {getattr(sys.modules[module], '__file__', None)}; rename the example "
                    "or close the folder that loaded it"
                )
            found = importlib.machinery.PathFinder.find_spec(module)
            if module in sys.builtin_module_names or found is not None:
                raise ValueError(
                    f"examples/{name}/{module}: the name {module!r} shadows an importable "
                    "module; rename the example"
                )
        sys.path.insert(0, str(folder))
        self.folders.append(folder)
        if self.logging is None:
            self.logging = RootLogging()
        importlib.invalidate_caches()
        return folder

    def close(self) -> None:
        """Take the folders off sys.path and forget every module loaded from them; the
        root logger gets back the handlers and level it had before."""
        for folder in self.folders:
            while str(folder) in sys.path:
                sys.path.remove(str(folder))
            for name, module in list(sys.modules.items()):
                file = getattr(module, "__file__", None)
                # Modules imported from the folder carry its path as given on sys.path;
                # the cheap prefix test keeps this fast with thousands of modules loaded.
                if file and file.startswith(str(folder)) and Path(file).is_relative_to(folder):
                    del sys.modules[name]
        self.folders.clear()
        if self.logging is not None:
            self.logging.restore()
            self.logging = None
