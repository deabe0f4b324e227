"""Check a JSON body before it reaches the database: bad input is a 4xx, never a 500."""

import re

from flask import abort, request

MAX_INT = 2**31 - 1  # PostgreSQL's integer: a bigger number would be a database error
SURROGATE = re.compile("[\ud800-\udfff]")  # half of a UTF-16 pair, never a character


class Invalid(Exception):
    """Some fields are wrong; answered with 422 and a message per field."""

    def __init__(self, fields):
        super().__init__(fields)
        self.fields = fields


def json_object():
    """The request's JSON object: 415 if the body is not JSON, 400 if it is no object of text."""
    if not request.is_json:
        abort(415, "The body must be JSON, sent as Content-Type: application/json.")
    try:
        data = request.get_json(silent=True)  # broken JSON is None: the same answer as a list
    except RecursionError:  # [[[[... nested deeper than Python's parser goes
        data = None
    if not isinstance(data, dict):
        abort(400, "The body must be a JSON object.")
    if not is_text(data):
        abort(400, "Text in the body must be valid Unicode: no lone surrogates.")
    return data


def is_text(data):
    """Whether every string in ``data``, keys too, is valid Unicode that a database can store.

    A body may hold half of a UTF-16 pair, escaped ("\\ud800") or as raw bytes. Python's
    json module decodes either to a lone surrogate, which cannot be encoded as UTF-8.
    """
    values = [data]
    while values:  # a loop, not recursion: a body may be nested hundreds deep
        value = values.pop()
        if isinstance(value, str):
            if SURROGATE.search(value):
                return False
        elif isinstance(value, dict):
            values.extend(value.keys())
            values.extend(value.values())
        elif isinstance(value, list):
            values.extend(value)
    return True


def check(data, schema, partial=False):
    """The fields of ``schema`` in ``data``, or Invalid naming every problem at once."""
    problems = {name: "unknown field" for name in data.keys() - schema.keys()}
    for name, rule in schema.items():
        if name in data:
            if problem := rule(data[name]):
                problems[name] = problem
        elif not partial:
            problems[name] = "required"
    if problems:
        raise Invalid(problems)
    return {name: data[name] for name in schema if name in data}


def text(max_length):
    def rule(value):
        if not isinstance(value, str):
            return "must be a string"
        if not value.strip():
            return "must not be blank"
        if len(value) > max_length:
            return f"must be at most {max_length} characters"
        if "\x00" in value:
            return "must not contain NUL characters"  # PostgreSQL refuses them
        return None

    return rule


def integer(low, high):
    def rule(value):
        # JSON true is a Python bool, and bool is a subclass of int: refuse it.
        if not isinstance(value, int) or isinstance(value, bool):
            return "must be an integer"
        if not low <= value <= high:
            return f"must be between {low} and {high}"
        return None

    return rule
