"""The account page: login history, roles, API tokens, and the display name."""

from flask import Blueprint, g, redirect, render_template, request, url_for

from . import db, rules
from .auth import login_required

bp = Blueprint("profile", __name__)


@bp.get("/")
@login_required
def index():
    user_id = g.user["id"]
    roles = db.get_db().execute("SELECT name FROM role WHERE user_id = ?", (user_id,))
    tokens = db.get_db().execute("SELECT * FROM api_token WHERE user_id = ?", (user_id,))
    return render_template(
        "profile.html",
        roles=[row["name"] for row in roles],
        tokens=tokens.fetchall(),
    )


@bp.post("/profile")
@login_required
def rename():
    # Only display_name is read: a posted role=admin or active=1 changes nothing.
    try:
        name = rules.display_name(request.form.get("display_name", ""))
    except rules.Invalid as invalid:
        return render_template("message.html", message=invalid), 400
    db.write("UPDATE user SET display_name = ? WHERE id = ?", name, g.user["id"])
    return redirect(url_for("profile.index"))
