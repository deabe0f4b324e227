from flask import Flask
from markupsafe import escape

app = Flask(__name__)


@app.route("/hello/<name>")
def hello(name):
    # This view writes HTML by hand, so it escapes what the visitor typed.
    return f"<p>Hello, {escape(name)}!</p>"
