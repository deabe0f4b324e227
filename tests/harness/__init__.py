"""The harness that executes the pages: Sybil parsers, the pytest plugin, the page checks."""
