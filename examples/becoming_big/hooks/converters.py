"""A URL converter both ways: /compare/flask,django <-> ["flask", "django"]."""

from flask import Flask
from werkzeug.routing import BaseConverter


class ListConverter(BaseConverter):
    """Comma-separated names in the URL, a list in the view. No name can hold a comma."""

    def to_python(self, value):
        return value.split(",")

    def to_url(self, values):
        if any("," in value for value in values):
            # Quoting it as %2C would not help: the server decodes the path before routing.
            raise ValueError("a name in a list URL cannot contain a comma")
        quote = super().to_url  # quotes one name the way Werkzeug quotes any value
        return ",".join(quote(value) for value in values)


app = Flask(__name__)
app.url_map.converters["list"] = ListConverter


@app.get("/compare/<list:names>")
def compare(names):
    return {"names": names, "count": len(names)}
