"""A build's log, streamed to the browser line by line while a worker posts the lines."""

import secrets
import threading

from flask import Flask, abort, current_app, request, stream_with_context, url_for

app = Flask(__name__)
app.config["LOG_WAIT_SECONDS"] = 30  # a stream with nothing new for this long ends

MAX_BUILDS = 100
MAX_LINE = 500


class Build:
    def __init__(self):
        self.lines = []
        self.finished = False
        self.changed = threading.Condition()

    def add(self, line, last):
        """Add a line; False if the build had already finished."""
        with self.changed:
            if self.finished:
                return False
            self.lines.append(line)
            self.finished = last
            self.changed.notify_all()
            return True

    def wait_for_line(self, index, timeout):
        """Wait until line ``index`` exists or the build is finished; False on timeout."""
        with self.changed:
            return self.changed.wait_for(lambda: len(self.lines) > index or self.finished, timeout)


builds: dict[str, Build] = {}  # one process: run one worker with threads (see the page)
builds_lock = threading.Lock()  # start_build's threads must not evict the same build


def find(build_id):
    build = builds.get(build_id)
    if build is None:
        abort(404)
    return build


@app.post("/builds")
def start_build():
    build_id = secrets.token_urlsafe(16)  # the log's address can't be guessed
    with builds_lock:
        if len(builds) >= MAX_BUILDS:
            builds.pop(next(iter(builds)))  # forget the oldest
        builds[build_id] = Build()
    log = url_for("build_log", build_id=build_id)
    return {"id": build_id, "log": log}, 201, {"Location": log}


@app.post("/builds/<build_id>/lines")
def add_line(build_id):
    build = find(build_id)
    line = request.form.get("line", "")
    if not line or len(line) > MAX_LINE or "\n" in line:
        abort(400)
    if not build.add(line, last="last" in request.form):
        abort(409)  # the build is over
    return {"lines": len(build.lines)}, 202


@app.get("/builds/<build_id>/log")
def build_log(build_id):
    # Check everything before the first byte: once the body has begun, the status
    # line and the headers are gone, and an error can only cut the stream short.
    build = find(build_id)
    start = request.args.get("from", 0, type=int)  # resume after a dropped connection
    if start < 0:
        abort(400)
    wait = current_app.config["LOG_WAIT_SECONDS"]

    @stream_with_context
    def lines():
        index = start
        try:
            while True:
                if not build.wait_for_line(index, wait):
                    yield "(nothing new for a while: reconnect to go on)\n"
                    return
                while index < len(build.lines):
                    index += 1
                    yield build.lines[index - 1] + "\n"
                if build.finished and index >= len(build.lines):
                    return  # `finished` is set after the last line is added
        finally:
            # The view returned long ago; stream_with_context keeps `request` here.
            current_app.logger.info(
                "sent %d lines of build %s to %s", index - start, build_id, request.remote_addr
            )

    return lines(), {"Content-Type": "text/plain; charset=utf-8"}
