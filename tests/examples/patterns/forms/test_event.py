"""examples/patterns/forms/event.py: WTForms validation, CSRF, and a checked file upload."""

import io
import re
import secrets
import shutil
import urllib.error
import urllib.request

import pytest
from flask import Flask
from flask_wtf.csrf import CSRFProtect

from harness.services.commands import BIN

PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)
JPEG = b"\xff\xd8\xff\xe0" + bytes(16)


@pytest.fixture(autouse=True)
def secret_key(monkeypatch):
    """The reader's FLASK_SECRET_KEY, set before the module is imported."""
    monkeypatch.setenv("FLASK_SECRET_KEY", secrets.token_hex())


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "photos"


@pytest.fixture
def app(example, folder):
    return example.module.create_app({"UPLOAD_FOLDER": str(folder)})


def token_of(client, url):
    html = client.get(url).text
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)[1]


def errors_of(html, field):
    return re.findall(rf'<strong id="{field}-error">(.*)</strong>', html)


def post(client, url, data=None, **kwargs):
    # follow_redirects=True: the test client then closes a big body's temporary file.
    with client.post(url, data=data, follow_redirects=True, **kwargs) as response:
        history = [r.status_code for r in response.history]
        return history or [response.status_code], response.text


def register(client, **fields):
    data = {"csrf_token": token_of(client, "/register"), "name": "Ada", "guests": "1"}
    data["diet"] = "any"
    data.update(fields)
    return post(client, "/register", data)


def upload(client, content, filename, **extra):
    photo = (io.BytesIO(content), filename)
    data = {"csrf_token": token_of(client, "/photos"), "photo": photo, **extra}
    return post(client, "/photos", data)


def test_the_form_page_has_the_fields_and_a_token(client):
    html = client.get("/register").text
    assert '<input id="name" maxlength="60" name="name" required type="text" value="">' in html
    assert '<input id="guests" max="4" min="0" name="guests" type="number" value="0">' in html
    assert '<option value="vegan">Vegan</option>' in html
    assert re.search(r'name="csrf_token" type="hidden" value="[\w.-]+"', html)


def test_a_valid_registration_redirects_with_303_and_a_message(client):
    statuses, html = register(client, name="Ada", guests="2", diet="vegan")
    assert statuses == [303]
    assert '<p role="status">Ada is registered (guests: 2).</p>' in html


@pytest.mark.parametrize(
    ("fields", "field", "error"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"name": "x" * 61}, "name", "Field cannot be longer than 60 characters."),
        ({"guests": "5"}, "guests", "Number must be between 0 and 4."),
        ({"guests": "-1"}, "guests", "Number must be between 0 and 4."),
        ({"guests": "1e3"}, "guests", "Not a valid integer value. Number must be between 0 and 4."),
        ({"diet": "meat"}, "diet", "Not a valid choice."),
        ({"note": "x" * 501}, "note", "Field cannot be longer than 500 characters."),
    ],
)
def test_each_wrong_field_gets_422_and_its_error_beside_it(client, fields, field, error):
    statuses, html = register(client, **fields)
    assert statuses == [422]
    assert errors_of(html, field) == [error]
    assert f'aria-describedby="{field}-error" aria-invalid="true"' in html
    assert 'role="status"' not in html


def test_what_the_visitor_typed_comes_back_escaped(client):
    statuses, html = register(client, name="", note="<script>alert(1)</script>")
    assert statuses == [422]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</textarea>" in html
    assert "<script>" not in html


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"name": "Mallory"}, "The CSRF token is missing."),
        ({"name": "Mallory", "csrf_token": "forged"}, "The CSRF token is invalid."),
    ],
)
def test_a_post_without_the_right_token_is_400_with_the_reason(client, data, reason):
    client.get("/register")
    statuses, html = post(client, "/register", data)
    assert statuses == [400]
    assert f"<p>{reason}</p>" in html


def test_another_session_s_token_is_refused(app, client):
    theirs = token_of(app.test_client(), "/register")
    client.get("/register")
    statuses, html = post(client, "/register", {"name": "Mallory", "csrf_token": theirs})
    assert statuses == [400]
    assert "<p>The CSRF tokens do not match.</p>" in html


def test_the_photo_form_needs_the_token_too(client, folder):
    photo = (io.BytesIO(PNG), "cat.png")
    statuses, _ = post(client, "/photos", {"photo": photo})
    assert statuses == [400]
    assert list(folder.iterdir()) == []


def test_without_csrfprotect_the_form_itself_reports_the_token(app, example):
    with app.test_request_context("/register", method="POST", data={"name": "M", "diet": "any"}):
        form = example.module.RegistrationForm()
        assert not form.validate()
        assert form.errors == {"csrf_token": ["The CSRF token is missing."]}


def test_a_file_posted_as_a_text_field_is_ignored_not_a_500(client):
    data = {"csrf_token": token_of(client, "/register"), "diet": "any"}
    data["name"] = (io.BytesIO(b"not text"), "name.txt")
    statuses, html = post(client, "/register", data)
    assert statuses == [422]
    assert errors_of(html, "name") == ["This field is required."]


def test_flask_wtf_s_default_formdata_would_give_the_text_field_a_file(app, example):
    """Why the view passes formdata=request.form: by default, Length meets a FileStorage."""
    data = {"name": (io.BytesIO(b"not text"), "name.txt"), "diet": "any"}
    with app.test_request_context("/register", method="POST", data=data):
        form = example.module.RegistrationForm()
        with pytest.raises(TypeError, match="has no len"):
            form.validate()


@pytest.mark.parametrize(
    ("content", "name"), [(PNG, "cat.png"), (PNG, "CAT.PNG"), (JPEG, "a.jpeg")]
)
def test_an_image_is_saved_in_the_configured_folder(client, folder, content, name):
    statuses, html = upload(client, content, name)
    assert statuses == [303]
    (saved,) = folder.iterdir()
    assert re.fullmatch(r"[0-9a-f]{16}-" + re.escape(name), saved.name)
    assert saved.read_bytes() == content
    assert f"Saved as {saved.name}." in html


def test_the_client_s_name_never_leaves_the_folder(client, folder, tmp_path):
    statuses, _ = upload(client, PNG, "../../../cat photo.png")
    assert statuses == [303]
    (saved,) = folder.iterdir()
    assert saved.name.endswith("-cat_photo.png")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos"]


def test_two_uploads_of_one_name_keep_both_files(client, folder):
    upload(client, PNG, "cat.png")
    upload(client, PNG + b"second", "cat.png")
    assert sorted(p.read_bytes() for p in folder.iterdir()) == sorted([PNG, PNG + b"second"])


def test_a_name_secure_filename_empties_still_gets_a_file(client, folder):
    statuses, _ = upload(client, PNG, "猫.png")
    assert statuses == [303]
    (saved,) = folder.iterdir()
    assert re.fullmatch(r"[0-9a-f]{16}-png", saved.name)


@pytest.mark.parametrize(
    ("content", "name", "error"),
    [
        (PNG, "cat.gif", "Upload a PNG or JPEG image."),
        (PNG, "cat.png.exe", "Upload a PNG or JPEG image."),
        (PNG, "png", "Upload a PNG or JPEG image."),
        (b"MZ\x90\x00", "setup.png", "This file is not a PNG image."),
        (PNG, "cat.jpg", "This file is not a JPG image."),
        (b"", "", "Choose a photo."),
    ],
)
def test_a_wrong_file_is_422_with_the_error_and_nothing_saved(client, folder, content, name, error):
    statuses, html = upload(client, content, name)
    assert statuses == [422]
    assert errors_of(html, "photo") == [error]
    assert list(folder.iterdir()) == []


def test_a_post_without_a_file_field_is_the_same_error(client, folder):
    statuses, html = post(client, "/photos", {"csrf_token": token_of(client, "/photos")})
    assert (statuses, errors_of(html, "photo")) == ([422], ["Choose a photo."])


def test_a_body_over_max_content_length_is_413_and_nothing_saved(client, folder):
    statuses, _ = upload(client, PNG + bytes(2 * 1024 * 1024), "big.png")
    assert statuses == [413]
    assert list(folder.iterdir()) == []
    statuses, _ = upload(client, PNG + bytes(2 * 1024 * 1024 - 1024), "almost.png")
    assert statuses == [303]


@pytest.mark.parametrize(
    "body",
    [
        {"json": ["a", "list"]},
        {"json": {"name": {"a": 1}}},
        {"data": "[" * 100_000, "content_type": "application/json"},
        {"data": b"\xff\xfe", "content_type": "text/plain"},
    ],
)
def test_a_body_no_html_form_sends_is_415(client, body):
    token = token_of(client, "/register")
    for url in ("/register", "/photos"):
        statuses, _ = post(client, url, headers={"X-CSRFToken": token}, **body)
        assert statuses == [415]


def test_a_nameless_multipart_part_is_400(client):
    token = token_of(client, "/photos")
    nameless = b"--b\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--b--\r\n"
    for url in ("/register", "/photos"):
        statuses, _ = post(
            client,
            url,
            nameless,
            content_type="multipart/form-data; boundary=b",
            headers={"X-CSRFToken": token},
        )
        assert statuses == [400]


def test_flask_upload_folder_from_the_environment(example, monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_UPLOAD_FOLDER", str(tmp_path / "elsewhere"))
    app = example.module.create_app()
    assert app.config["UPLOAD_FOLDER"] == str(tmp_path / "elsewhere")
    assert (tmp_path / "elsewhere").is_dir()


def test_flask_run_serves_the_forms_in_a_copy_of_the_folder(example, serve, tmp_path):
    """The page's `flask --app event run`, in a copy of the folder: photos go to its instance/."""
    folder = tmp_path / "forms"
    shutil.copytree(
        example.folder, folder, ignore=shutil.ignore_patterns("__pycache__", "instance")
    )
    url = serve([BIN / "flask", "--app", "event", "run", "--port", "{port}"], cwd=folder)
    request = urllib.request.Request(url + "/register", data=b"name=Mallory", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    with refused.value as response:
        assert response.code == 400
        assert "<p>The CSRF token is missing.</p>" in response.read().decode()
    assert (folder / "instance" / "photos").is_dir()


def test_without_the_hook_flask_wtf_would_fail_on_both_bodies(example):
    """What the page says html_forms_only prevents: exceptions, so 500s."""
    bare = Flask("bare")
    bare.secret_key = secrets.token_hex()
    json_list = bare.test_request_context("/", method="POST", json=["a", "list"])
    with json_list, pytest.raises(ValueError, match="not enough values to unpack"):
        example.module.PhotoForm()
    nameless = b"--b\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--b--\r\n"
    context = bare.test_request_context(
        "/", method="POST", data=nameless, content_type="multipart/form-data; boundary=b"
    )
    with context, pytest.raises(AttributeError, match="endswith"):
        CSRFProtect(bare).protect()
