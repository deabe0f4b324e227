"""examples/patterns/lazy_views/lazy.py: the report views load at their first request."""

import subprocess
import sys

import pytest
from flask import Flask
from werkzeug.utils import ImportStringError

from harness.services.commands import BIN


def test_reports_is_imported_by_the_first_report_request_only(example, client):
    assert "reports" not in sys.modules
    assert client.get("/").status_code == 200
    assert "reports" not in sys.modules
    assert client.get("/reports/2024").json == {"year": 2024, "total": 360, "mean": 120}
    assert "reports" in sys.modules


def test_the_imported_view_is_kept(app, client):
    lazy_view = app.view_functions["yearly"]
    client.get("/reports/2025")
    first = lazy_view.__dict__["view"]  # what cached_property stored
    client.get("/reports/2024")
    assert lazy_view.__dict__["view"] is first
    assert first is sys.modules["reports"].yearly


def test_a_fresh_interpreter_starts_the_app_without_reports(example):
    """Away from the test's own imports: a new Python imports lazy, not reports."""
    code = "import sys, lazy; print('reports' in sys.modules, 'lazy' in sys.modules)"
    result = subprocess.run([BIN / "python", "-c", code], cwd=example.folder,
                            capture_output=True, text=True, timeout=60, check=True)  # fmt: skip
    assert result.stdout == "False True\n"


def test_every_lazy_view_imports(example, app):
    lazy_view = example.module.LazyView
    names = {endpoint: view.view.__name__ for endpoint, view in app.view_functions.items()
             if isinstance(view, lazy_view)}  # fmt: skip
    assert names == {"yearly": "yearly", "years": "years"}


def test_a_stale_path_fails_each_request_not_the_start(example):
    stale = Flask("stale")
    stale.add_url_rule("/r/<int:year>", "yearly", example.module.LazyView("reports.by_year"))
    client = stale.test_client()
    assert [client.get("/r/2025").status_code for _ in range(2)] == [500, 500]
    stale.testing = True
    with pytest.raises(ImportStringError, match="'reports.by_year' not found"):
        client.get("/r/2025")


def test_a_missing_module_fails_at_the_request_too(example):
    broken = Flask("broken")
    broken.add_url_rule("/", "page", example.module.LazyView("no_such_module.page"))
    broken.testing = True
    with pytest.raises(ImportStringError, match="No module named 'no_such_module'"):
        broken.test_client().get("/")
