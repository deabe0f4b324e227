"""examples/becoming_big/dispatching/tenants.py: one factory, differently configured apps."""

import pytest


@pytest.fixture
def create_tenant_app(example):
    return example.module.create_tenant_app


def test_each_tenant_has_its_own_config_and_key(create_tenant_app):
    acme, globex = create_tenant_app("acme"), create_tenant_app("globex")
    assert acme.config["GREETING"] != globex.config["GREETING"]
    assert acme.secret_key != globex.secret_key
    assert acme.config["SESSION_COOKIE_NAME"] == "session_acme"


def test_only_acme_answers_errors_as_json(create_tenant_app):
    assert create_tenant_app("acme").test_client().get("/nope").json == {
        "error": "acme has no page /nope"
    }
    assert create_tenant_app("globex").test_client().get("/nope").mimetype == "text/html"


def test_an_unknown_tenant_is_refused(create_tenant_app):
    with pytest.raises(KeyError):
        create_tenant_app("initech")
