"""One request, and everything that hooks into it, recorded in the order it fires."""

from flask import (
    Flask,
    render_template_string,
    request_finished,
    request_started,
    template_rendered,
)
from werkzeug.routing import BaseConverter

app = Flask(__name__)
fired = []  # the names of what ran, in order


class UpperConverter(BaseConverter):
    def to_python(self, value):
        fired.append("converter")
        return value.upper()


app.url_map.converters["upper"] = UpperConverter


@app.get("/hello/<upper:name>")
def hello(name):
    fired.append("view")
    return render_template_string("Hello, {{ name }}!", name=name)


@app.before_request
def before_request():
    fired.append("before_request")


@app.after_request
def after_request(response):
    fired.append("after_request")
    return response


class OutOfStock(Exception):
    """Raised by a view, and turned into a 409 by the error handler below."""


@app.errorhandler(OutOfStock)
def out_of_stock(error):
    fired.append("errorhandler")
    return "Out of stock.", 409


@app.get("/buy")
def buy():
    fired.append("view")
    raise OutOfStock()


@app.get("/broken")
def broken():
    fired.append("view")
    return 1 / 0  # a bug on purpose: no error handler takes ZeroDivisionError


@app.teardown_request
def teardown_request(error):
    fired.append(f"teardown_request({error!r})")


@app.teardown_appcontext
def teardown_appcontext(error):
    fired.append(f"teardown_appcontext({error!r})")


def recorder(name):
    def receive(sender, **extra):
        fired.append(name)

    return receive


for signal in (request_started, template_rendered, request_finished):
    # weak=False: the receiver is a closure that nothing else keeps alive.
    signal.connect(recorder(signal.name), app, weak=False)
