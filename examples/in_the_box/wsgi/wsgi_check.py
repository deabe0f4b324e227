"""Call an app through wsgiref's validator, as a WSGI server would, and keep its answer."""

import warnings
from dataclasses import dataclass
from wsgiref.validate import WSGIWarning, validator

from werkzeug.test import EnvironBuilder


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def streamed(self) -> bool:
        """Sent without knowing its length first: no Content-Length, yet a body."""
        return "Content-Length" not in self.headers and bool(self.body)


def call(app, method: str, path: str, **request) -> Answer:
    """One request. The validator raises on any breach of WSGI, warnings included."""
    builder = EnvironBuilder(path=path, method=method, **request)
    started = []

    def start_response(status, headers, exc_info=None):
        started[:] = [status, headers]
        return lambda data: None  # the legacy write() callable

    with warnings.catch_warnings():
        warnings.simplefilter("error", WSGIWarning)
        try:
            body = validator(app)(builder.get_environ(), start_response)
            try:
                data = b"".join(body)
            finally:
                body.close()  # a server always closes the body, even after an error
        finally:
            builder.close()
    status, headers = started
    return Answer(int(status.split()[0]), dict(headers), data)
