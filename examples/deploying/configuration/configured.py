"""A factory that reads its settings in a fixed order, and refuses to serve without a key.

1. the class of the environment named by APP_ENV (settings.py); production if unset,
2. settings.toml in the instance folder, if there is one,
3. every FLASK_* environment variable,
4. a test's own settings, which replace 2 and 3.
"""

import os
import tomllib

from flask import Flask, current_app
from settings import ENVIRONMENTS


def load_settings(file):
    """Read settings.toml, and refuse a secret in it: secrets come from the environment."""
    settings = tomllib.load(file)
    if "SECRET_KEY" in settings:
        raise RuntimeError(
            "settings.toml must not hold the SECRET_KEY; set FLASK_SECRET_KEY instead"
        )
    return settings


def create_app(test_config=None):
    app = Flask(
        __name__,
        instance_relative_config=True,  # relative file names are read from the instance folder
        instance_path=os.environ.get("APP_INSTANCE_PATH"),  # None: ./instance beside this file
    )
    environment = "test" if test_config is not None else os.environ.get("APP_ENV", "production")
    if environment not in ENVIRONMENTS:
        raise RuntimeError(f"APP_ENV={environment!r} is not one of {', '.join(ENVIRONMENTS)}")
    app.config.from_object(ENVIRONMENTS[environment])
    if test_config is None:
        app.config.from_file("settings.toml", load=load_settings, text=False, silent=True)
        app.config.from_prefixed_env()
    else:
        app.config.update(test_config)
    if environment == "production" and not app.config["SECRET_KEY"]:
        raise RuntimeError("SECRET_KEY is not set: production needs FLASK_SECRET_KEY")
    app.config["ENVIRONMENT"] = environment

    @app.get("/")
    def about():
        config = current_app.config
        return {
            "environment": config["ENVIRONMENT"],
            "shop": config["SHOP_NAME"],
            "page_size": config["PAGE_SIZE"],
        }

    return app
