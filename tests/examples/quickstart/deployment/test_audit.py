"""examples/quickstart/deployment/audit.py: app.logger records what happened, at the right level."""

import logging

from flask.logging import default_handler


def test_an_unknown_order_logs_a_warning(app, caplog):
    with caplog.at_level(logging.DEBUG, logger="audit"):
        response = app.test_client().get("/orders/7")
    assert response.status_code == 404
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("audit", "WARNING", "order 7 not found (asked by 127.0.0.1)")
    ]


def test_a_known_order_logs_at_debug_level_only(app, caplog):
    with caplog.at_level(logging.DEBUG, logger="audit"):
        assert app.test_client().get("/orders/1").text == "2 espressos"
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [("DEBUG", "order 1 shown")]


def test_debug_records_are_dropped_at_the_default_level(app, caplog):
    assert app.logger.getEffectiveLevel() == logging.WARNING
    app.test_client().get("/orders/1")
    assert caplog.records == []


def test_flask_default_handler_names_the_level_and_the_module(app, caplog):
    app.test_client().get("/orders/7")
    (record,) = caplog.records
    line = default_handler.format(record)
    assert line.startswith("[")
    assert line.endswith("] WARNING in audit: order 7 not found (asked by 127.0.0.1)")
