"""Views that keep a worker busy in different ways, and say which worker answered."""

import hashlib
import os
import time

from flask import Flask

RELEASE = "1"  # change it, then restart gunicorn gracefully

app = Flask(__name__)
app.config.from_prefixed_env()  # FLASK_SLOW_SECONDS, for /slow


@app.get("/")
def index():
    return answer()


@app.get("/slow")
def slow():
    """Stands for a call to a slow service: the worker waits, doing nothing."""
    time.sleep(app.config.get("SLOW_SECONDS", 0))
    return answer()


def answer():
    """Which code and which process answered, and when it finished, by the server's clock."""
    return {"release": RELEASE, "worker": os.getpid(), "finished": time.time()}


@app.get("/cpu")
def cpu():
    """Work for the processor: hash a block of bytes many times over."""
    digest = b""
    for _ in range(10_000):
        digest = hashlib.sha256(digest + bytes(1000)).digest()
    return {"digest": digest.hex()}


@app.get("/io")
def io():
    """Work for someone else: wait 50 ms, as for a database's answer."""
    time.sleep(0.05)
    return {"waited": 0.05}
