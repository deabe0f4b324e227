"""The greeting app on the tiny framework: every view is handed the request."""

from tiny_framework import Tiny
from werkzeug.utils import redirect

app = Tiny(__file__)


@app.route("/")
def index(request):
    name = request.args.get("name", "stranger")
    return redirect("/hello/" + name)


@app.route("/hello/<name>")
def hello(request, name):
    return app.render("hello.html", name=name)
