"""examples/quickstart/request_data/uploads.py: safe names, a size limit, files served back."""

import io
from importlib.metadata import version

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

FLASK = tuple(int(part) for part in version("flask").split(".")[:2])


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "uploads"


@pytest.fixture
def app(example, folder):
    return example.module.create_app({"UPLOAD_FOLDER": str(folder)})


def upload(client, content, filename):
    return client.post("/upload", data={"file": (io.BytesIO(content), filename)})


def test_the_factory_creates_the_upload_folder(client, folder):
    assert folder.is_dir()


def test_a_hostile_name_is_made_safe_and_stays_in_the_folder(client, folder):
    response = upload(client, b"not a password file", "../../etc/passwd")
    assert (response.status_code, response.json) == (201, {"saved": "etc_passwd"})
    assert [p.name for p in folder.iterdir()] == ["etc_passwd"]
    with client.get("/uploads/etc_passwd") as served:
        assert served.data == b"not a password file"


def test_a_name_with_nothing_safe_left_is_refused(client, folder):
    assert upload(client, b"x", "../..").status_code == 400
    assert list(folder.iterdir()) == []


def test_a_name_that_leaves_the_folder_is_not_served(client):
    assert client.get("/uploads/..%2Fsecret").status_code == 404


@pytest.mark.parametrize(("size", "status"), [(1000 * 1024, 201), (1024 * 1024, 413)])
def test_a_body_over_max_content_length_is_413(client, folder, size, status):
    # Built in memory: for a body this big the test client's own encoder would
    # spool to a temporary file that it never closes (a ResourceWarning).
    file = FileStorage(io.BytesIO(b"x" * size), filename="big.bin")
    boundary, body = encode_multipart({"file": file})
    response = client.post(
        "/upload", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == status
    assert [p.name for p in folder.iterdir()] == (["big.bin"] if status == 201 else [])


def test_the_form_posts_a_file_back_to_the_upload_view(client):
    html = client.get("/upload").text
    assert '<form method="post" enctype="multipart/form-data">' in html
    assert '<input type="file" name="file">' in html


def test_a_missing_file_field_is_a_bad_request(client, folder):
    assert client.post("/upload", data={}).status_code == 400
    assert list(folder.iterdir()) == []


def test_the_limit_applies_when_the_body_is_read(app):
    """MAX_CONTENT_LENGTH is checked when request.files reads the body, inside the view."""
    from flask import request
    from werkzeug.exceptions import RequestEntityTooLarge

    app.config["MAX_CONTENT_LENGTH"] = 1024
    data = {"file": (io.BytesIO(b"x" * 2048), "big.bin")}
    with app.test_request_context("/upload", method="POST", data=data):
        assert request.content_length > 1024  # the request itself was built and arrived
        with pytest.raises(RequestEntityTooLarge):
            request.files  # noqa: B018


def test_a_form_field_over_max_form_memory_size_is_413(client, folder):
    file = FileStorage(io.BytesIO(b"x"), filename="small.txt")
    boundary, body = encode_multipart({"note": "y" * 500_001, "file": file})
    response = client.post(
        "/upload", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    if FLASK < (3, 1):  # MAX_FORM_MEMORY_SIZE is new in Flask 3.1: before, any field fits
        assert response.status_code == 201
        return
    assert response.status_code == 413
    assert list(folder.iterdir()) == []


def test_more_parts_than_max_form_parts_is_413(client, folder):
    data = {f"field{i}": "y" for i in range(1000)} | {"file": (io.BytesIO(b"x"), "small.txt")}
    assert client.post("/upload", data=data).status_code == 413
    assert list(folder.iterdir()) == []
