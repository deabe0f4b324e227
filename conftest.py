"""pytest configuration for the whole repository.

The harness plugin (tests/harness/plugin.py) collects the Python blocks of every
page under docs/ with Sybil; tests/harness/pages.py says what is collected and
the rules a page follows. The plugin also provides the ``page`` and
``use_example`` fixtures, failure headers that name the page and line, and the
blocks summary printed at the end of a run.
"""

pytest_plugins = ["pytester", "tests.harness.plugin"]
