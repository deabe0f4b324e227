"""An app whose report views are imported at their first request, not when the app starts."""

from functools import cached_property

from flask import Flask
from werkzeug.utils import import_string


class LazyView:
    """Stands in for the view at `import_name` ("module.function") until a request needs it."""

    def __init__(self, import_name):
        self.import_name = import_name

    @cached_property
    def view(self):
        # The first call imports the module; an error there is raised here, and again
        # on the next call, since cached_property keeps only a value.
        return import_string(self.import_name)

    def __call__(self, *args, **kwargs):
        return self.view(*args, **kwargs)


app = Flask(__name__)


@app.get("/")
def home():
    return "<p>Sales, by year: /reports/2025</p>"


# The endpoint is named here: a LazyView has no __name__ for Flask to take it from.
app.add_url_rule("/reports/<int:year>", "yearly", LazyView("reports.yearly"))
app.add_url_rule("/reports/", "years", LazyView("reports.years"))
