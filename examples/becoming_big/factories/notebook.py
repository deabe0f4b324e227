"""An application factory: defaults, then the instance folder, then the environment."""

import os

from flask import Flask, current_app


def create_app(test_config=None):
    app = Flask(
        __name__,
        instance_relative_config=True,
        # Production keeps the instance folder outside the code; None means ./instance.
        instance_path=os.environ.get("NOTEBOOK_INSTANCE"),
    )
    app.config.from_mapping(TITLE="Notebook", PAGE_SIZE=20, SECRET_KEY=None)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)  # instance/config.py, if there is one
        app.config.from_prefixed_env()  # FLASK_TITLE, FLASK_PAGE_SIZE, FLASK_SECRET_KEY
    else:
        app.config.update(test_config)
    if not app.config["SECRET_KEY"]:
        # Fail at start, not at the first request that signs a cookie.
        where = os.path.join(app.instance_path, "config.py")
        raise RuntimeError(f"SECRET_KEY is not set: set FLASK_SECRET_KEY or write it in {where}")

    @app.get("/")
    def index():
        return {"title": current_app.config["TITLE"], "page_size": current_app.config["PAGE_SIZE"]}

    return app
