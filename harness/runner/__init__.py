"""The page runner: executes every page's Python blocks under pytest, with Sybil.

* :mod:`.parsers` — what is collected from a page, and the rules a page follows;
* :mod:`.documents` — each page runs as a module named after its file;
* :mod:`.page` — the ``page`` object a page's blocks can use;
* :mod:`.examples` — importing an example folder the way a reader runs it;
* :mod:`.reports` — located failures and the blocks summary;
* :mod:`.plugin` — the pytest plugin that ties them together;
* :mod:`.pytest_private` — the only module that touches pytest's internals.
"""
