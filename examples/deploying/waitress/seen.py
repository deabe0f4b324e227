"""What the app sees of each request: where it came from, the scheme, the host."""

from flask import Flask, request

app = Flask(__name__)


@app.get("/")
def seen():
    return {
        "remote_addr": request.remote_addr,
        "scheme": request.scheme,
        "host": request.host,
        "x_forwarded_for": request.headers.get("X-Forwarded-For"),
        "x_forwarded_host": request.headers.get("X-Forwarded-Host"),
    }


@app.post("/upload")
def upload():
    """Counts the bytes of the body it was given."""
    return {"received": len(request.get_data())}
