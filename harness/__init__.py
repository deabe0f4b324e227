"""The guide's engine: what runs the pages, checks the build and starts real servers.

Four parts, each for one audience, all depending on :mod:`harness.blocks` and
on nothing else of each other except where said:

* :mod:`harness.runner` — the pytest plugin that executes every page's Python
  blocks with Sybil (``conftest.py`` loads it);
* :mod:`harness.sphinxext` — the Sphinx extension that fails the build when what a
  reader sees and what runs differ (``conf.py`` loads it); it asks the runner's
  parsers what they collect;
* :mod:`harness.audit` — an independent scanner of the blocks a reader sees,
  sharing no code with the runner, so that it can catch the runner's mistakes;
* :mod:`harness.services` — real servers on loopback (PostgreSQL, Redis, SMTP,
  any command on a free port), Chromium and a load burst, as one pytest plugin.

Nothing under ``docs/``, ``examples/`` or ``conf.py``'s own settings imports
``tests``; the example apps import nothing from here either.
"""

import re
from pathlib import Path

#: The repository: conf.py, docs/, examples/, tests/ and this package.
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

#: A pinned line of a requirements file: ``name==version``, extras allowed.
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(?P<version>[^\s;#]+)", re.M)


def normalise(name: str) -> str:
    """A distribution's name as pip compares them: ``Flask_Caching`` is ``flask-caching``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path = ROOT / "requirements.txt") -> dict[str, str]:
    """``{normalised name: version}`` of each ``name==version`` line of a requirements file."""
    text = path.read_text(encoding="utf-8")
    return {normalise(m["name"]): m["version"] for m in REQUIREMENT.finditer(text)}
