from flask import Flask, render_template
from markupsafe import Markup

app = Flask(__name__)


@app.route("/hello/")
@app.route("/hello/<name>")
def hello(name=None):
    # Markup marks HTML this code wrote itself as safe: it is not escaped.
    signature = Markup("<em>your Flask app</em>")
    return render_template("hello.html", name=name, signature=signature)
