"""A Flask app whose requests wait, or compute, on demand: to see how a server overlaps them.

Each process keeps a record of the requests it is serving now and of the last
ones it finished. With one worker process, the record shows which overlapped.
"""

import asyncio
import collections
import threading
import time

from flask import Flask, abort, request

app = Flask(__name__)
in_flight = set()  # names of the requests this process is serving now
finished = collections.deque(maxlen=10)  # names of the last ones it finished, in order
first_loop = []  # the event loop of the first async request, kept to compare with


def request_name():
    name = request.args.get("name", "")
    if not (name.isascii() and name.isalnum() and len(name) <= 20):
        abort(400)
    return name


def record(name, work):
    """Run `work` as request `name`. Answer which other requests were in flight when it
    started or when it ended, and the names of the last requests finished, this one last."""
    in_flight.add(name)
    alongside = set(in_flight)
    try:
        work()
        alongside |= in_flight
    finally:
        in_flight.discard(name)
        finished.append(name)
    return {"name": name, "alongside": sorted(alongside - {name}), "finished": list(finished)}


@app.get("/")
def hello():
    return "Hello from Flask\n"


@app.get("/thread")
def thread():
    """Where this request runs, as the app sees it."""
    current = threading.current_thread()
    return {
        "main_thread": current is threading.main_thread(),
        "multithread": request.environ["wsgi.multithread"],
        "sleep": time.sleep.__module__,  # "gevent.hub" once gevent has patched it
    }


@app.get("/wait")
def wait():
    """Wait, as a view does for an API or a database: the CPU is free meanwhile."""
    seconds = request.args.get("seconds", 0.0, type=float)
    if not 0 <= seconds <= 2:
        abort(400)
    return record(request_name(), lambda: time.sleep(seconds))


@app.get("/crunch")
def crunch():
    """Compute in Python: the CPU is busy until it is done."""
    rounds = request.args.get("rounds", 0, type=int)
    if not 0 <= rounds <= 10_000_000:
        abort(400)
    return record(request_name(), lambda: sum(i * i for i in range(rounds)))


@app.get("/loop")
async def loop():
    """Which event loop runs this async view, and in which thread."""
    running = asyncio.get_running_loop()
    if not first_loop:
        first_loop.append(running)
    return {
        "same_loop_as_first": running is first_loop[0],
        "main_thread": threading.current_thread() is threading.main_thread(),
    }
