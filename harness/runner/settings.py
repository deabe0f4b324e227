"""What a page may say about how it runs, in comments a reader never sees.

In MyST (``%`` comments) or reStructuredText (``..`` comments), anywhere on the
page::

    % block-timeout: 120
    % freeze-time: 2026-01-01T09:30:00+00:00
    % requires: flask>=3.1 "request.max_content_length can be set per request since Flask 3.1"

* ``block-timeout``: seconds any one block of this page may take (the ini
  setting ``block_timeout`` otherwise);
* ``freeze-time``: the wall clock stands still at that moment for the whole
  page (``time.time``, ``datetime.now``), so output that shows a date or a
  time is the same on every run. Monotonic clocks keep running.

Every page also runs with :mod:`random` seeded from the page's name, so output
that depends on :mod:`random` is the same on every run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

SETTING = re.compile(
    r"^[ \t]*(?:%|\.\.)[ \t]*(?P<name>block-timeout|freeze-time|requires):"
    r"[ \t]*(?P<value>\S.*?)[ \t]*$",
    re.MULTILINE,
)


class SettingError(ValueError):
    """A page setting that cannot be read; the message names page and line."""


REQUIRES = re.compile(
    r"""^(?P<spec>[A-Za-z0-9_.-]+\s*[<>=!~]=?\s*[\w.]+)\s+(?P<q>["'])(?P<why>.+)(?P=q)$"""
)


@dataclass(frozen=True)
class PageSettings:
    block_timeout: float | None = None
    freeze_time: datetime | None = None
    requires: tuple[str, str] | None = None  # (a requirement such as flask>=3.1, why)


def read_settings(text: str, path: str) -> PageSettings:
    found: dict = {}
    for match in SETTING.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        name, value = match["name"], match["value"]
        if name in found:
            raise SettingError(f"{path}, line {line}: '{name}' is set twice on this page")
        try:
            if name == "block-timeout":
                found[name] = float(value)
                if found[name] <= 0:
                    raise ValueError(value)
            elif name == "requires":
                match_requires = REQUIRES.match(value)
                if match_requires is None:
                    raise ValueError(value)
                found[name] = (match_requires["spec"].replace(" ", ""), match_requires["why"])
            else:
                found[name] = datetime.fromisoformat(value)
                if found[name].tzinfo is None:
                    raise ValueError(value)
        except ValueError:
            expected = {
                "block-timeout": "a number of seconds",
                "freeze-time": "an ISO 8601 moment with its offset: 2026-01-01T09:30:00+00:00",
                "requires": 'a requirement and its reason in quotes: flask>=3.1 "why"',
            }[name]
            raise SettingError(
                f"{path}, line {line}: '{name}: {value}' is not {expected}"
            ) from None
    return PageSettings(found.get("block-timeout"), found.get("freeze-time"), found.get("requires"))
