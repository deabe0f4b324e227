from flask import Flask, make_response

app = Flask(__name__)


@app.route("/text")
def text():
    return "A string becomes an HTML body"


@app.route("/me")
def me():
    return {"name": "Ada", "languages": ["en", "fr"]}


@app.route("/tags")
def tags():
    return ["flask", "wsgi"]


@app.post("/notes")
def add_note():
    # (body, status, headers): the status and headers are optional.
    return {"id": 3}, 201, {"Location": "/notes/3"}


@app.route("/teapot")
def teapot():
    # make_response builds the response object now, so the view can change it.
    response = make_response("I refuse to brew coffee", 418)
    response.headers["Retry-After"] = "3600"
    response.mimetype = "text/plain"
    return response
