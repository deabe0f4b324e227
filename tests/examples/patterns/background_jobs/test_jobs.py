"""examples/patterns/background_jobs/jobs.py: the import job, called as the worker calls it.

The job is a plain function: here it runs in the test's process, with no Redis.
"""

import json

import pytest


@pytest.fixture
def stored(monkeypatch, tmp_path):
    """Where the job writes: the file FLASK_PRICES_FILE names, in the job's app config."""
    path = tmp_path / "lists" / "prices.json"
    monkeypatch.setenv("FLASK_PRICES_FILE", str(path))
    return path


def test_a_good_list_is_stored_whole(example, stored):
    result = example.module.import_prices("apple,30\n\n pear , 45 \r\nplum,60")
    assert result == {"imported": 3}
    assert json.loads(stored.read_text()) == {"apple": 30, "pear": 45, "plum": 60}
    assert [p.name for p in stored.parent.iterdir()] == ["prices.json"]  # no temporary file left


def test_the_job_reads_the_file_s_place_from_the_app_s_config(example, stored, monkeypatch):
    elsewhere = stored.parent / "elsewhere.json"
    monkeypatch.setenv("FLASK_PRICES_FILE", str(elsewhere))
    example.module.import_prices("apple,30")
    assert json.loads(elsewhere.read_text()) == {"apple": 30}
    assert not stored.exists()


def test_the_job_needs_no_request_and_leaves_no_context_behind(example, stored):
    from flask import has_app_context, has_request_context

    example.module.import_prices("apple,30")
    assert not has_app_context()
    assert not has_request_context()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("apple,30\npear", "line 2: expected a name and a price in cents"),
        ("apple,30,1", "line 1: expected a name and a price in cents"),
        (",30", "line 1: a name has 1 to 40 characters"),
        ("x" * 41 + ",30", "line 1: a name has 1 to 40 characters"),
        ("apple,abc", "line 1: 'abc' is not a price in cents"),
        ("apple,0", "line 1: '0' is not a price in cents"),
        ("apple,-5", "line 1: '-5' is not a price in cents"),
        ("apple,1000001", "line 1: '1000001' is not a price in cents"),
        ("apple,3.5", "line 1: '3.5' is not a price in cents"),
        ("apple," + "9" * 5000, "line 1: '" + "9" * 5000 + "' is not a price in cents"),
    ],
)
def test_a_bad_line_fails_the_job_and_keeps_the_stored_list(example, stored, text, message):
    example.module.import_prices("plum,60")
    with pytest.raises(ValueError, match="^line ") as failed:
        example.module.import_prices(text)
    assert str(failed.value) == message
    assert json.loads(stored.read_text()) == {"plum": 60}
