"""A small JSON service whose every log line is one JSON object with the request's id."""

import json
import logging
import logging.config
import re
import uuid

from flask import Flask, abort, g, got_request_exception, has_request_context, request

#: The id a client or a proxy sends is kept only if it looks like an id:
#: it goes into every log line, so nothing else may ride in on it.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record ("-" outside a request)."""

    def filter(self, record):
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: what log collectors read without parsing rules."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


# Configure logging before the app exists: Flask then adds no handler of its own.
logging.config.dictConfig(
    {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "stdout": {  # a container's or a process manager's log is its stdout
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "filters": ["request_id"],
                "formatter": "json",
            }
        },
        "root": {"level": "INFO", "handlers": ["stdout"]},
    }
)

app = Flask(__name__)
log = logging.getLogger(__name__)
NOTES = {1: "Buy milk"}


@app.before_request
def take_request_id():
    sent = request.headers.get("X-Request-Id", "")
    g.request_id = sent if REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex


@app.after_request
def give_request_id(response):
    response.headers["X-Request-Id"] = g.request_id
    return response


@app.get("/notes/<int:note_id>")
def note(note_id):
    if note_id not in NOTES:
        log.warning("note %d not found", note_id)
        abort(404)
    log.info("note %d read", note_id)
    return {"id": note_id, "text": NOTES[note_id]}


@app.get("/broken")
def broken():
    return {"ratio": 1 / 0}


def report(sender, exception, **extra):
    """Where an error tracker would be told: here, one more line, with the request's id."""
    log.error("reported %s to the error tracker", type(exception).__name__)


got_request_exception.connect(report, app)
