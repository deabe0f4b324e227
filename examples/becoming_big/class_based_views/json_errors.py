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
    # Keep the headers an error needs, such as Allow on a 405; the body is ours.
    headers = [(name, value) for name, value in error.get_headers() if name != "Content-Type"]
    return body, error.code, headers


def install(app):
    app.register_error_handler(HTTPException, as_json)
