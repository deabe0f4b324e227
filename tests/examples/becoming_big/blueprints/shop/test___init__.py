"""examples/becoming_big/blueprints/shop/__init__.py: the factory registers both blueprints."""


def test_each_blueprint_is_under_its_prefix(app):
    rules = sorted((rule.rule, rule.endpoint) for rule in app.url_map.iter_rules())
    assert rules == [
        ("/api/products/<int:product_id>", "api.product"),
        ("/catalog/", "catalog.index"),
        ("/catalog/<int:product_id>", "catalog.product"),
        ("/static/<path:filename>", "static"),
    ]
    assert sorted(app.blueprints) == ["api", "catalog"]


def test_the_test_config_is_applied(example):
    assert example.module.create_app({"TESTING": True}).testing
