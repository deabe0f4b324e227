"""examples/quickstart/uploads.py: uploads saved under a safe name, size-limited, served back."""

import io

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart


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
