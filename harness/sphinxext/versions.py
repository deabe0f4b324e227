"""``{verified-versions}``: the versions every example ran against, read at build time.

The directive renders two tables from the environment the site is built in,
which is the one the tests run in (both install ``requirements.txt``):

* Python, Flask with its ``async`` and ``dotenv`` extras, and every library
  Flask is built on;
* every other library the examples use: each third-party package imported
  by a module under ``examples/`` (found by reading the imports), what the
  guide's installable apps require with all their extras, everything those
  need in turn, and the programs that ran the examples (pytest, Sybil,
  gunicorn).

Nothing is listed by hand, so an upgraded pin shows on the next build: the
page is read again whenever a version in its tables changes.
"""

from __future__ import annotations

import ast
import json
import platform
import sys
from functools import cache
from importlib import metadata

from docutils import nodes
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from sphinx.util.docutils import SphinxDirective

from .. import EXAMPLES, ROOT

FRAMEWORK = ("flask", {"async", "dotenv"})
#: What executed the examples and the pages' commands.
RUNNERS = {"pytest": "runs the tests", "sybil": "runs the pages", "gunicorn": "serves the apps"}


def is_own(dist: metadata.Distribution) -> bool:
    """A distribution of this repository (the guide's engine, bigapp, accounts)."""
    text = dist.read_text("direct_url.json")
    if not text:
        return False
    url = json.loads(text).get("url", "")
    return url.startswith("file://") and url.removeprefix("file://").startswith(str(ROOT))


def imported_names() -> set[str]:
    """The top-level modules imported anywhere under examples/."""
    names = set()
    for path in EXAMPLES.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names)


def requirements(name: str, extras=frozenset()) -> list[tuple[str, frozenset, str]]:
    """What ``name`` with ``extras`` requires and is installed, directly.

    Each as (its name, the extras asked of it, the extra of ``name`` that needs it, or "").
    """
    found = []
    for line in metadata.requires(name) or []:
        requirement = Requirement(line)
        marker = requirement.marker
        via = ""
        if marker is not None:
            matching = [e for e in sorted(extras) if marker.evaluate({"extra": e})]
            if not marker.evaluate({"extra": ""}):
                if not matching:
                    continue  # an extra nobody asked for, or another platform or Python
                via = matching[0]
        try:
            needed = metadata.distribution(requirement.name).metadata["Name"]
        except metadata.PackageNotFoundError:
            continue
        found.append((needed, frozenset(requirement.extras), via))
    return found


def closure(seeds: dict[str, tuple[frozenset, str]]) -> dict[str, str]:
    """``seeds`` (name -> (extras, why)) and all they require, each name with why it is here."""
    found = {name: why for name, (_, why) in seeds.items()}
    seen = {canonicalize_name(name) for name in found}
    queue = [(name, extras) for name, (extras, _) in seeds.items()]
    while queue:
        name, extras = queue.pop(0)
        for needed, needed_extras, via in requirements(name, extras):
            if canonicalize_name(needed) not in seen:
                seen.add(canonicalize_name(needed))
                found[needed] = f"needed by {name}[{via}]" if via else f"needed by {name}"
                queue.append((needed, needed_extras))
    return found


@cache
def tables() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(framework rows, other rows); a row is (name, version, why it is listed)."""
    framework_name, framework_extras = FRAMEWORK
    flask = metadata.distribution(framework_name).metadata["Name"]
    core = closure({flask: (frozenset(framework_extras), "the framework")})

    seeds: dict[str, tuple[frozenset, str]] = {}
    for name, why in RUNNERS.items():
        seeds[metadata.distribution(name).metadata["Name"]] = (frozenset(), why)
    by_module = metadata.packages_distributions()
    for module in sorted(imported_names()):
        for dist_name in by_module.get(module, []):
            dist = metadata.distribution(dist_name)
            name = dist.metadata["Name"]
            if not is_own(dist):
                seeds.setdefault(name, (frozenset(), f"imported by the examples ({module})"))
                continue
            extras = frozenset(dist.metadata.get_all("Provides-Extra") or [])
            for needed, needed_extras, via in requirements(name, extras):
                app = f"{name}[{via}]" if via else name
                seeds.setdefault(needed, (needed_extras, f"needed by {app}, the guide's app"))
    core_names = {canonicalize_name(name) for name in core}
    others = {
        name: why
        for name, why in closure(seeds).items()
        if canonicalize_name(name) not in core_names
    }

    def rows(found: dict[str, str]) -> list[tuple[str, str, str]]:
        return [(name, metadata.version(name), why) for name, why in found.items()]

    python = ("Python", platform.python_version(), "runs everything")
    framework_rows = [python, *rows(core)]
    other_rows = sorted(rows(others), key=lambda row: row[0].lower())
    return framework_rows, other_rows


def fingerprint() -> str:
    return repr(tables())


def table(title: str, rows: list[tuple[str, str, str]]) -> nodes.table:
    group = nodes.tgroup(cols=3)
    for width in (3, 2, 5):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += nodes.row(
        "", *(nodes.entry("", nodes.paragraph(text=t)) for t in ("library", "version", "why"))
    )
    body = nodes.tbody()
    for name, version, why in rows:
        body += nodes.row(
            "",
            nodes.entry("", nodes.paragraph(text=name)),
            nodes.entry("", nodes.paragraph("", "", nodes.literal(text=version))),
            nodes.entry("", nodes.paragraph(text=why)),
        )
    group += head
    group += body
    result = nodes.table("", nodes.title(text=title), group, classes=["verified-versions"])
    return result


class VerifiedVersions(SphinxDirective):
    """``{verified-versions}``: the two tables, from the build's environment."""

    def run(self):
        pages = self.env.__dict__.setdefault("harness_versions_pages", set())
        pages.add(self.env.docname)
        self.env.harness_versions_fingerprint = fingerprint()
        framework, others = tables()
        return [
            table("Flask and the libraries it is built on", framework),
            table("The other libraries the examples use, and what ran them", others),
        ]


def outdated(app, env, added, changed, removed) -> list[str]:
    """Read the page again when a version changed since it was last read."""
    if getattr(env, "harness_versions_fingerprint", None) == fingerprint():
        return []
    return sorted(getattr(env, "harness_versions_pages", set()) - set(removed))


def forget_page(app, env, docname) -> None:
    getattr(env, "harness_versions_pages", set()).discard(docname)


def merge(app, env, docnames, other) -> None:
    mine = env.__dict__.setdefault("harness_versions_pages", set())
    mine.update(getattr(other, "harness_versions_pages", set()) & set(docnames))
    if hasattr(other, "harness_versions_fingerprint"):
        env.harness_versions_fingerprint = other.harness_versions_fingerprint


def setup(app):
    app.add_directive("verified-versions", VerifiedVersions)
    app.connect("env-get-outdated", outdated)
    app.connect("env-purge-doc", forget_page)
    app.connect("env-merge-info", merge)
