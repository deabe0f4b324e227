"""A Flask subclass with its own Response and JSON provider classes."""

from datetime import date
from decimal import Decimal

from flask import Flask, Response, abort, request
from flask.json.provider import DefaultJSONProvider

MAX_AMOUNT = 10**12  # bigger amounts are refused: far past any entry, and Decimal's limits


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
        try:
            return super().loads(text, parse_float=Decimal, **kwargs)  # 0.1 stays exactly 0.1
        except RecursionError:  # nested deeper than Python's parser goes
            raise ValueError("JSON nested too deeply") from None  # get_json() answers 400


class LedgerFlask(Flask):
    response_class = LedgerResponse
    json_provider_class = LedgerJSONProvider


app = LedgerFlask(__name__)


def is_amount(value):
    # JSON true is a Python bool, and bool is a subclass of int: refuse it.
    is_number = isinstance(value, int | Decimal) and not isinstance(value, bool)
    return is_number and -MAX_AMOUNT <= value <= MAX_AMOUNT


@app.post("/entries")
def add_entry():
    request.max_content_length = 1024  # bytes, for this view only: set it before reading
    body = request.get_json()  # 415 if not sent as JSON, 400 if it is not valid JSON
    amounts = body.get("amounts") if isinstance(body, dict) else None
    if not isinstance(amounts, list) or not all(is_amount(amount) for amount in amounts):
        abort(400, f'Send {{"amounts": [...]}}, numbers of at most {MAX_AMOUNT} each.')
    return {"total": sum(amounts, Decimal(0)), "booked": date(2026, 1, 31)}
