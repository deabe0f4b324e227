"""Roles: a decorator answering 403, an admin page, no escalation by extra form fields."""

import os
import subprocess

import pytest
from flask_command import FLASK

import accounts_testing as testing
from accounts_testing import PASSWORD, new_user, submit


@pytest.fixture
def admin(app, client, mailbox, ada):
    """Grace (user 2, after Ada), made admin with the command line, logged in."""
    new_user(client, mailbox, "grace@example.com", PASSWORD, name="Grace")
    result = app.test_cli_runner().invoke(args=["admin", "grant", "grace@example.com", "admin"])
    assert result.output == "grace@example.com is now admin\n"
    grace = app.test_client()
    submit(grace, "/login", {"email": "grace@example.com", "password": PASSWORD})
    return grace


@pytest.fixture
def as_ada(client, ada):
    submit(client, "/login", {"email": ada, "password": PASSWORD})
    return client


def roles(snapshot):
    return snapshot()["role"]


def test_a_user_without_the_role_gets_403(as_ada):
    response = as_ada.get("/admin/users")
    assert response.status_code == 403
    assert "This page needs the admin role." in response.text


def test_a_visitor_is_sent_to_log_in_first(client):
    assert client.get("/admin/users").location == "/login?next=/admin/users?"


def test_an_admin_grants_a_role(admin, as_ada, snapshot):
    assert "ada@example.com" in admin.get("/admin/users").text
    response = submit(admin, "/admin/users/1/roles", {"role": "editor"})
    assert response.status_code == 302
    assert (1, "editor") in roles(snapshot)
    assert "<dd>editor</dd>" in as_ada.get("/").text


def test_unknown_roles_and_users_are_refused(admin, as_ada, snapshot):
    before = snapshot()
    assert submit(admin, "/admin/users/1/roles", {"role": "superuser"}).status_code == 400
    assert submit(admin, "/admin/users/99/roles", {"role": "editor"}).status_code == 400
    assert snapshot() == before


def test_a_user_cannot_grant_themselves_a_role(as_ada, admin, snapshot):
    before = snapshot()
    assert submit(as_ada, "/admin/users/1/roles", {"role": "admin"}).status_code == 403
    extra = {"display_name": "Ada", "role": "admin", "roles": "admin", "active": "1", "id": "2"}
    assert submit(as_ada, "/profile", extra).status_code == 302
    assert snapshot() == before


def test_extra_fields_at_registration_grant_nothing(client, mailbox, snapshot):
    form = {"email": "eve@example.com", "display_name": "Eve", "password": PASSWORD}
    submit(client, "/register", {**form, "role": "admin", "active": "1", "id": "1"})
    (eve,) = snapshot()["user"]
    assert eve[4] == 0  # not active
    assert roles(snapshot) == []


def test_the_command_refuses_unknown_users_and_roles(app):
    runner = app.test_cli_runner()
    assert (
        "no user nobody@example.com"
        in runner.invoke(args=["admin", "grant", "nobody@example.com", "admin"]).output
    )
    assert "'root' is not one of" in runner.invoke(args=["admin", "grant", "a@b.cd", "root"]).output


def test_the_command_on_the_page_works_in_a_shell(app, client, mailbox, tmp_path):
    """`flask --app accounts admin grant ...` as the roles page shows it, in a real process."""
    new_user(client, mailbox, "grace@example.com", PASSWORD, name="Grace")
    env = {**os.environ, "FLASK_SECRET_KEY": "k", "FLASK_DATABASE": app.config["DATABASE"]}

    def flask(*args: str) -> subprocess.CompletedProcess:
        command = [FLASK, "--app", "accounts", "admin", "grant", *args]
        return subprocess.run(
            command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
        )

    done = flask("grace@example.com", "admin")
    assert (done.returncode, done.stdout) == (0, "grace@example.com is now admin\n")
    assert testing.row(app, "SELECT name FROM role WHERE user_id = 1") == {"name": "admin"}
    refused = flask("grace@example.com", "root")
    assert refused.returncode == 2
    assert refused.stderr.startswith("Usage: flask admin grant [OPTIONS] EMAIL {admin|editor}\n")
