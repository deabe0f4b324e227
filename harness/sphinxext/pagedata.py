"""What an extension keeps per page in Sphinx's environment, whole after any build.

A page read again drops what was kept for it; pages read by parallel processes
bring theirs back; the pages not read in an incremental build keep theirs from
the pickled environment. :mod:`.checks` keeps each page's findings so,
:mod:`.runhere` each page's program.
"""

from __future__ import annotations


class PageData:
    """``docname -> value``, kept on the environment under ``attribute``."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def of(self, env) -> dict:
        return env.__dict__.setdefault(self.attribute, {})

    def forget(self, app, env, docname: str) -> None:
        self.of(env).pop(docname, None)

    def merge(self, app, env, docnames, other) -> None:
        theirs = self.of(other)
        self.of(env).update({name: theirs[name] for name in docnames if name in theirs})

    def setup(self, app) -> None:
        app.connect("env-purge-doc", self.forget)
        app.connect("env-merge-info", self.merge)
