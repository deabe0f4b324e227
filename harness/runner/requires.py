"""What a page or an example needs, and a skip that says so where it is not installed.

Two sources: a page's ``% requires: flask>=3.1 "why"`` (:mod:`.settings`), and
an installable app's own ``pyproject.toml``, whose Flask requirement holds for
its tests and for every page that names it with ``{example-folder}``. A test
of ``tests/examples/<slug>/`` needs what its page needs. Where the installed
version does not meet a need (``make test-matrix`` runs older ones), the items
are skipped, each with the need and its reason.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement

from .settings import read_settings

FOLDER = re.compile(r"^```\{example-folder\}\s+(?P<slug>\S+)\s*$", re.MULTILINE)


def unmet(spec: str) -> bool:
    requirement = Requirement(spec)
    try:
        installed = version(requirement.name)
    except PackageNotFoundError:
        return True
    return not requirement.specifier.contains(installed, prereleases=True)


@cache
def app_needs(app: Path) -> tuple[str, str] | None:
    """An installable app's Flask requirement, from its pyproject.toml."""
    project = tomllib.loads((app / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for dependency in project.get("dependencies", []):
        if Requirement(dependency).name.lower() == "flask":
            why = f"examples/{app.name}'s pyproject.toml asks for {dependency}"
            return dependency.replace(" ", ""), why
    return None


@cache
def page_needs(page: Path, examples: Path) -> tuple[tuple[str, str], ...]:
    """What a page needs: its own requires setting, and the apps it shows."""
    if not page.is_file():
        return ()
    text = page.read_text(encoding="utf-8")
    needs = [read_settings(text, str(page)).requires]
    for slug in FOLDER.findall(text):
        if (examples / slug / "pyproject.toml").is_file():
            needs.append(app_needs(examples / slug))
    return tuple(need for need in needs if need)


def needs_of(nodeid: str, root: Path, docs: Path, examples: Path) -> tuple[tuple[str, str], ...]:
    """What the test or page block with this id needs."""
    path = nodeid.split("::", 1)[0]
    parts = Path(path).parts
    if parts[:1] == ("docs",):
        return page_needs(root / path, examples)
    if parts[:2] == ("tests", "examples"):
        parts = parts[1:]
    if parts[:1] == ("examples",) and len(parts) > 2:
        if (examples / parts[1] / "pyproject.toml").is_file():
            need = app_needs(examples / parts[1])
            return (need,) if need else ()
        for length in range(len(parts) - 1, 1, -1):  # the page of the deepest example folder
            page = docs / ("/".join(parts[1:length]).replace("_", "-") + ".md")
            if page.is_file():
                return page_needs(page, examples)
    return ()


def first_unmet(needs) -> str | None:
    """The skip reason for the first need the installed versions do not meet."""
    for spec, why in needs:
        if unmet(spec):
            return f"needs {spec}: {why}"
    return None
