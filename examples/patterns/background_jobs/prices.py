"""Upload a price list; a worker imports it in the background while the client polls."""

import json
import os
from pathlib import Path

from flask import Flask, abort, request, session, url_for
from redis import Redis
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        PRICES_FILE=os.path.join(app.instance_path, "prices.json"),
        MAX_CONTENT_LENGTH=64 * 1024,  # a bigger upload gets 413
    )
    # FLASK_SECRET_KEY for the session; FLASK_PRICES_FILE, say, which the worker reads too.
    app.config.from_prefixed_env()
    app.config.from_mapping(test_config)
    redis = Redis.from_url(app.config["REDIS_URL"])
    queue = app.extensions["imports"] = Queue("imports", connection=redis)

    @app.post("/imports")
    def start_import():
        if not session.get("staff"):  # a login view would put this in the session
            abort(403)
        if request.mimetype != "text/csv":
            abort(415)
        try:
            text = request.get_data().decode("utf-8")
        except UnicodeDecodeError:
            return {"error": "send the list as UTF-8 text"}, 400
        if not text.strip():
            return {"error": "the list is empty"}, 400
        # The worker imports the function by this name: only it needs the module.
        # The description is what the worker logs, instead of the whole list.
        job = queue.enqueue("jobs.import_prices", text, description="price list import")
        status_url = url_for("import_status", job_id=job.id)
        return {"id": job.id, "status_url": status_url}, 202, {"Location": status_url}

    @app.get("/imports/<uuid:job_id>")
    def import_status(job_id):
        try:
            job = Job.fetch(str(job_id), connection=redis)
        except NoSuchJobError:
            abort(404)
        status = job.get_status()
        answer = {"id": job.id, "status": status.value}
        if status == "finished":
            answer["result"] = job.return_value()
        return answer

    @app.get("/prices")
    def price_list():
        path = Path(app.config["PRICES_FILE"])
        if not path.is_file():
            return {"error": "no price list imported yet"}, 404
        return json.loads(path.read_text(encoding="utf-8"))

    return app
