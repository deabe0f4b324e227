"""examples/deploying/configuration/settings.py: one class per environment, no secret in it."""

import importlib
import sys


def test_each_environment_has_its_class(example):
    environments = example.module.ENVIRONMENTS
    assert set(environments) == {"development", "test", "production"}
    assert all(issubclass(cls, example.module.Config) for cls in environments.values())


def test_only_development_has_a_key_and_it_is_new_at_each_start(example):
    module = example.module
    assert module.Config.SECRET_KEY is None
    assert module.ProductionConfig.SECRET_KEY is None
    assert module.TestingConfig.SECRET_KEY is None
    first = module.DevelopmentConfig.SECRET_KEY
    del sys.modules["settings"]
    again = importlib.import_module("settings")
    assert len(first) == 64
    assert first != again.DevelopmentConfig.SECRET_KEY


def test_production_cookies_travel_over_https_only(example):
    production = example.module.ProductionConfig
    assert production.SESSION_COOKIE_SECURE is True
    assert getattr(example.module.DevelopmentConfig, "SESSION_COOKIE_SECURE", False) is False
