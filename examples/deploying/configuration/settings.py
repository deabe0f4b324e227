"""One class of settings per environment. No secret lives here: keys come from the environment."""

import secrets


class Config:
    """What every environment shares."""

    SHOP_NAME = "Corner Shop"
    PAGE_SIZE = 20
    SECRET_KEY = None  # FLASK_SECRET_KEY, from the environment
    SESSION_COOKIE_SAMESITE = "Lax"


class DevelopmentConfig(Config):
    # A throwaway key made at start: sessions work, and end with the process.
    SECRET_KEY = secrets.token_hex()
    PAGE_SIZE = 5  # short pages, to see the paging at work


class TestingConfig(Config):
    TESTING = True  # exceptions reach the test instead of becoming a 500


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True  # the cookie only travels over HTTPS
    PREFERRED_URL_SCHEME = "https"  # url_for(..., _external=True) outside a request


ENVIRONMENTS = {
    "development": DevelopmentConfig,
    "test": TestingConfig,
    "production": ProductionConfig,
}
