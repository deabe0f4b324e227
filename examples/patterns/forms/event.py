"""An event's two forms: a registration, and a photo upload."""

import os
import secrets

from flask import Flask, abort, flash, redirect, render_template, request, url_for
from flask_wtf import CSRFProtect, FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from werkzeug.utils import secure_filename
from wtforms import IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
# The first bytes of each kind of image the upload takes.
SIGNATURES = {"png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff"}


class RegistrationForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=60)])
    guests = IntegerField("Guests", default=0, validators=[NumberRange(min=0, max=4)])
    diet = SelectField(
        "Diet",
        choices=[  # SelectChoice since WTForms 3.3, which deprecates (value, label) tuples
            SelectChoice("any", "No preference"),
            SelectChoice("vegetarian", "Vegetarian"),
            SelectChoice("vegan", "Vegan"),
        ],
    )
    note = TextAreaField("Anything we should know?", validators=[Optional(), Length(max=500)])


def is_what_its_name_says(form, field):
    """FileAllowed reads the file's name only; the first bytes say what the file is."""
    extension = field.data.filename.rsplit(".", 1)[-1].lower()
    start = field.data.stream.read(8)
    field.data.stream.seek(0)
    if not start.startswith(SIGNATURES[extension]):
        raise ValidationError(f"This file is not a {extension.upper()} image.")


class PhotoForm(FlaskForm):
    photo = FileField(
        "Photo",
        validators=[
            FileRequired("Choose a photo."),
            FileAllowed(list(SIGNATURES), "Upload a PNG or JPEG image."),
            is_what_its_name_says,
        ],
    )


def html_forms_only():
    """Refuse, before Flask-WTF reads them, bodies that no HTML form sends.

    Flask-WTF would take a JSON body as the form's data, and its CSRF check
    fails with a 500 on a multipart field that has no name.
    """
    if request.method == "POST":
        if request.mimetype not in FORM_TYPES:
            abort(415)
        if None in request.form:
            abort(400)


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        UPLOAD_FOLDER=os.path.join(app.instance_path, "photos"),
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,  # a bigger request gets 413
    )
    app.config.from_prefixed_env()  # FLASK_SECRET_KEY, and FLASK_UPLOAD_FOLDER if set
    if test_config is not None:
        app.config.update(test_config)
    os.makedirs(app.config["UPLOAD_FOLDER"], exist_ok=True)

    app.before_request(html_forms_only)  # before CSRFProtect's own check
    CSRFProtect(app)  # every POST needs the token: 400 without it

    @app.route("/register", methods=["GET", "POST"])
    def register():
        # Flask-WTF would add request.files: a file posted as "name" would reach
        # a text field. This form takes no file, so it reads the text fields only.
        form = RegistrationForm(formdata=request.form)
        if form.validate_on_submit():
            # Here the app would save form.data, in its database say.
            flash(f"{form.name.data} is registered (guests: {form.guests.data}).")
            return redirect(url_for("register"), 303)
        status = 422 if form.is_submitted() else 200
        return render_template("register.html", form=form), status

    @app.route("/photos", methods=["GET", "POST"])
    def photos():
        form = PhotoForm()
        if form.validate_on_submit():
            # A random prefix: no upload replaces another, and the name is never empty.
            name = f"{secrets.token_hex(8)}-{secure_filename(form.photo.data.filename)}"
            form.photo.data.save(os.path.join(app.config["UPLOAD_FOLDER"], name))
            flash(f"Saved as {name}.")
            return redirect(url_for("photos"), 303)
        status = 422 if form.is_submitted() else 200
        return render_template("photos.html", form=form), status

    return app
