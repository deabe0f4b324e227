"""Every use the runner makes of pytest's private internals, in one place.

Sybil's pytest integration is built on them, and the runner refines three of
its behaviours. When a pytest upgrade moves one of these, this file is the
only one to change; each function says what it stands for.
"""

from __future__ import annotations

from typing import Any

from _pytest._code.code import TerminalRepr  # the base of a custom failure report

__all__ = ["GcWarningTraceback", "TerminalRepr", "requested_fixtures"]


def requested_fixtures(item) -> dict[str, Any]:
    """Set up the fixtures a Sybil item asked for; return them by name.

    Sybil fills every fixture of the closure (``page`` and the ``request`` it
    depends on) into ``item.funcargs``; only the ones the item itself asked for
    are returned.
    """
    item._request._fillfixtures()
    return {name: item.funcargs[name] for name in item._fixtureinfo.argnames}


class GcWarningTraceback:
    """A mixin for Sybil's item: a failure that did not come through an example.

    Sybil overrides pytest's private ``_traceback_filter`` assuming the error
    came through an example's evaluation. A warning raised at garbage
    collection (an unclosed file, caught by pytest's unraisable-exception hook)
    does not, and Sybil's filter would crash pytest with an IndexError: the
    plain traceback is shown instead.
    """

    def _traceback_filter(self, excinfo):
        try:
            return super()._traceback_filter(excinfo)
        except IndexError:
            return excinfo.traceback.filter(excinfo)
