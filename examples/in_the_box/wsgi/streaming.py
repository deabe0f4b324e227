from flask import Flask, redirect, url_for

app = Flask(__name__)


@app.get("/countdown")
def countdown():
    def lines():
        for n in range(3, 0, -1):
            yield f"{n}\n"
        yield "liftoff\n"

    # A generator: Flask hands the server each piece as it is yielded.
    return lines(), {"Content-Type": "text/plain; charset=utf-8"}


@app.get("/launch")
def launch():
    return redirect(url_for("countdown"))
