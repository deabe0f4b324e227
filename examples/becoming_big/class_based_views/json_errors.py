"""Every HTTP error as JSON, with the fields at fault when there are some."""

from werkzeug.exceptions import HTTPException, UnprocessableEntity


class InvalidFields(UnprocessableEntity):
    """422 that says which fields are wrong and why."""

    def __init__(self, fields):
        super().__init__("Some fields are missing or wrong.")
        self.fields = fields


def as_json(error: HTTPException):
    body = {"error": error.name, "message": error.description}
    if isinstance(error, InvalidFields):
        body["fields"] = error.fields
    return body, error.code


def install(app):
    app.register_error_handler(HTTPException, as_json)
