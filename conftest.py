"""pytest configuration for the whole repository.

Two plugins of the guide's engine (harness/, installed into .venv):

* ``harness.runner.plugin`` collects the Python blocks of every page under
  docs/ with Sybil and executes them; a failing block names its page and line,
  and the run ends with the blocks summary;
* ``harness.services.plugin`` starts real servers on loopback for the tests and
  pages that need them (PostgreSQL, Redis, SMTP, any command on a free port),
  once per run where that is safe, and always stops them.
"""

pytest_plugins = ["harness.runner.plugin", "harness.services.plugin"]
