"""The greeting app on the tiny framework: every view is handed the request."""

from pathlib import Path
from urllib.parse import quote

from tiny_framework import Tiny
from werkzeug.utils import redirect

app = Tiny(Path(__file__).parent / "templates")


@app.route("/")
def index(request):
    name = request.args.get("name", "stranger")
    return redirect("/hello/" + quote(name))  # by hand: quote() keeps "?" in the name


@app.route("/hello/<name>")
def hello(request, name):
    return app.render("hello.html", name=name)
