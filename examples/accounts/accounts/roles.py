"""Roles on users, a decorator that answers 403, and an admin page that grants them."""

import functools

import click
from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from . import db
from .auth import login_required

ROLES = ("admin", "editor")

bp = Blueprint("admin", __name__, url_prefix="/admin")


def has_role(user, name: str) -> bool:
    found = db.one("SELECT 1 FROM role WHERE user_id = ? AND name = ?", user["id"], name)
    return found is not None


def role_required(name: str):
    def decorator(view):
        @login_required
        @functools.wraps(view)
        def wrapped(**kwargs):
            if not has_role(g.user, name):
                abort(403, f"This page needs the {name} role.")
            return view(**kwargs)

        return wrapped

    return decorator


@bp.get("/users")
@role_required("admin")
def users():
    rows = db.get_db().execute(
        "SELECT user.*, group_concat(role.name, ', ') AS roles FROM user"
        " LEFT JOIN role ON role.user_id = user.id GROUP BY user.id ORDER BY user.id"
    )
    return render_template("admin_users.html", users=rows.fetchall(), roles=ROLES)


@bp.post(f"/users/<int(max={db.MAX_ID}):user_id>/roles")
@role_required("admin")
def grant(user_id):
    role = request.form.get("role")
    if role not in ROLES or db.one("SELECT 1 FROM user WHERE id = ?", user_id) is None:
        abort(400, "Unknown user or role.")
    db.write("INSERT OR IGNORE INTO role (user_id, name) VALUES (?, ?)", user_id, role)
    return redirect(url_for("admin.users"))


@bp.cli.command("grant")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def grant_command(email, role):
    """Give ROLE to the user with EMAIL (the way to make the first admin)."""
    user = db.one("SELECT id FROM user WHERE email = ?", email)
    if user is None:
        raise click.ClickException(f"no user {email}")
    db.write("INSERT OR IGNORE INTO role (user_id, name) VALUES (?, ?)", user["id"], role)
    click.echo(f"{email} is now {role}")
