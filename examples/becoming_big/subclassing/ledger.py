"""A Flask subclass with its own Request, Response and JSON provider classes."""

from datetime import date
from decimal import Decimal

from flask import Flask, Request, Response, request
from flask.json.provider import DefaultJSONProvider


class LedgerRequest(Request):
    max_content_length = 1024  # bytes: a bigger body is a 413 before the view reads it


class LedgerResponse(Response):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.headers.setdefault("X-Content-Type-Options", "nosniff")


class LedgerJSONProvider(DefaultJSONProvider):
    @staticmethod
    def default(value):
        if isinstance(value, date):
            return value.isoformat()  # not the HTTP date format Flask uses by default
        return DefaultJSONProvider.default(value)

    def loads(self, text, **kwargs):
        return super().loads(text, parse_float=Decimal, **kwargs)  # 0.1 stays exactly 0.1


class LedgerFlask(Flask):
    request_class = LedgerRequest
    response_class = LedgerResponse
    json_provider_class = LedgerJSONProvider


app = LedgerFlask(__name__)


@app.post("/entries")
def add_entry():
    amounts = request.json["amounts"]
    return {"total": sum(amounts, Decimal(0)), "booked": date(2026, 1, 31)}
