"""A built single-page app: /api/ answers JSON, files are files, every other path the shell."""

from pathlib import Path

from flask import Flask, abort, request, send_from_directory
from werkzeug.exceptions import HTTPException, NotFound

#: What the front end's build wrote: index.html, favicon.ico and assets/.
FRONTEND = Path(__file__).parent / "frontend"
ONE_YEAR = 365 * 24 * 3600
#: Files of the build whose names never change, and how long browsers may keep them.
#: Any other file gets SEND_FILE_MAX_AGE_DEFAULT: unset, it is revalidated each time
#: (Cache-Control: no-cache and an ETag).
CACHE_FOR = {"favicon.ico": 7 * 24 * 3600}

app = Flask(__name__, static_folder=None)  # the front end's files are served below
BOOKS = {1: "Dune", 2: "Solaris"}


@app.get("/api/books")
def books():
    return {"books": [{"id": id, "title": title} for id, title in BOOKS.items()]}


@app.get("/api/books/<int:book_id>")
def book(book_id):
    if book_id not in BOOKS:
        abort(404)
    return {"id": book_id, "title": BOOKS[book_id]}


@app.get("/api/", defaults={"anything": ""})
@app.get("/api/<path:anything>")
def no_such_endpoint(anything):
    abort(404)  # an unknown API path is a JSON 404, never the HTML shell


@app.errorhandler(HTTPException)
def api_errors_as_json(error):
    if request.path.startswith("/api/"):
        return {"error": error.name}, error.code
    return error  # the rest of the site keeps Flask's HTML error pages


@app.get("/assets/<path:name>")
def assets(name):
    # The bundler puts a hash of the content in each name: a name never changes
    # content, so browsers may keep it for a year. A missing one is a 404, not the shell.
    response = send_from_directory(FRONTEND / "assets", name, max_age=ONE_YEAR)
    response.cache_control.immutable = True
    return response


@app.get("/", defaults={"path": ""})
@app.get("/<path:path>")
def frontend(path):
    if path:
        try:
            # favicon.ico, robots.txt, manifest.json: the type comes from the extension.
            return send_from_directory(FRONTEND, path, max_age=CACHE_FOR.get(path))
        except NotFound:
            pass  # not a file: a route of the client-side router
    response = send_from_directory(FRONTEND, "index.html")
    # Revalidate each time, whatever SEND_FILE_MAX_AGE_DEFAULT says: a new build
    # brings a new index.html that names new assets.
    response.cache_control.no_cache = True
    return response
