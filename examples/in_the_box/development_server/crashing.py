from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "Edit me and save: the reloader restarts the server."


@app.get("/divide/<int:a>/<int:b>")
def divide(a, b):
    # /divide/1/0 raises ZeroDivisionError: in debug mode, the debugger shows it.
    return f"{a} / {b} = {a / b}"
