"""A shop's prices, cached in Redis with Flask-Caching."""

import os

from flask import Flask, abort, jsonify, request, session
from flask_caching import Cache

cache = Cache()


class Catalogue:
    """Stands in for the database: prices in cents, and each user's basket.

    It counts the queries it answers, as a database's statistics would, so you
    can see which requests the cache spared it.
    """

    def __init__(self):
        self.prices = {"apple": 30, "pear": 45, "plum": 60}
        self.baskets = {"ada": ["apple"], "bob": ["pear", "plum"]}
        self.queries = 0

    def all_prices(self):
        self.queries += 1
        return dict(self.prices)

    def price(self, name):
        self.queries += 1
        return self.prices.get(name)

    def set_price(self, name, cents):
        self.prices[name] = cents

    def basket(self, user_id):
        self.queries += 1
        return list(self.baskets.get(user_id, []))


catalogue = Catalogue()


# An unknown name gives None. Flask-Caching would store that None, and then read
# it back as a miss: one useless entry for each name a client makes up.
@cache.memoize(timeout=300, response_filter=lambda cents: cents is not None)
def price_of(name):
    """One product's price: cached per name, for five minutes."""
    return catalogue.price(name)


@cache.memoize(timeout=300)
def basket_of(user_id):
    """One user's basket: cached per user, since the user's id is an argument."""
    return catalogue.basket(user_id)


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_prefixed_env()  # the session signs with the key in FLASK_SECRET_KEY
    app.config["REDIS_URL"] = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    app.config.from_mapping(test_config)
    app.config["CACHE_TYPE"] = "RedisCache"
    app.config["CACHE_REDIS_URL"] = app.config["REDIS_URL"]
    cache.init_app(app)

    @app.get("/prices")
    @cache.cached(timeout=60)  # the whole response, under the key of its path
    def price_list():
        return catalogue.all_prices()

    @app.get("/prices/<name>")
    def price(name):
        cents = price_of(name)
        if cents is None:
            abort(404)
        return {"name": name, "cents": cents}

    @app.put("/prices/<name>")
    def set_price(name):
        if not session.get("staff"):
            abort(403)
        if name not in catalogue.prices:
            abort(404)
        body = request.get_json(silent=True)
        cents = body.get("cents") if isinstance(body, dict) else None
        if type(cents) is not int or not 1 <= cents <= 1_000_000:
            return {"error": "cents must be a whole number from 1 to 1000000"}, 400
        catalogue.set_price(name, cents)
        # The write is done: drop what the cache holds of the old price.
        cache.delete_memoized(price_of, name)
        cache.delete_cached(price_list)
        return {"name": name, "cents": cents}

    @app.get("/basket")
    def basket():
        user_id = session.get("user_id")
        if user_id is None:
            abort(401)
        response = jsonify({"user": user_id, "items": basket_of(user_id)})
        response.cache_control.private = True  # for the user's browser only
        return response

    return app
