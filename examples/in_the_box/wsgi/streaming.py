from flask import Flask, redirect, stream_with_context, url_for

app = Flask(__name__)


@app.get("/countdown")
def countdown():
    def lines():
        for n in range(3, 0, -1):
            yield f"{n}\n"
        yield "liftoff\n"

    # A generator is sent piece by piece, as it yields: no Content-Length.
    return stream_with_context(lines()), {"Content-Type": "text/plain"}


@app.get("/launch")
def launch():
    return redirect(url_for("countdown"))
