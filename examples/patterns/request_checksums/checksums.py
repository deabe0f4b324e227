"""Check a request body against its Content-Digest header while the app reads it."""

import base64
import binascii
import hashlib
import hmac
import io
import re

from flask import Flask, Request, abort, request
from werkzeug.exceptions import BadRequest, HTTPException
from werkzeug.utils import cached_property
from werkzeug.wsgi import get_input_stream

#: The algorithms of RFC 9530 this app accepts, strongest first.
ALGORITHMS = {"sha-512": hashlib.sha512, "sha-256": hashlib.sha256}
#: One member of the header: ``sha-256=:<base64>:``.
MEMBER = re.compile(r"\s*([a-z0-9-]+)\s*=\s*:([A-Za-z0-9+/]*={0,2}):\s*")


class DigestMismatch(BadRequest):
    description = "The body does not match its Content-Digest."


def parse_content_digest(header):
    """The (name, digest) to check from a Content-Digest header, or 400."""
    offered = {}
    for member in header.split(","):
        match = MEMBER.fullmatch(member)
        if match is None:
            raise BadRequest("Content-Digest is not a list of algorithm=:base64: pairs.")
        try:
            offered[match[1]] = base64.b64decode(match[2], validate=True)
        except binascii.Error:
            raise BadRequest("Content-Digest holds invalid base64.") from None
    for name in ALGORITHMS:
        if name in offered:
            return name, offered[name]
    raise BadRequest(f"Content-Digest needs one of {', '.join(ALGORITHMS)}.")


class DigestingStream(io.RawIOBase):
    """Hash what passes through; at the end of the body, compare with the digest.

    The end is the read that returns nothing: a parser (form, JSON, multipart)
    reads until then, so a mismatch stops it before the view gets any value.
    """

    def __init__(self, stream, name, expected):
        self.stream = stream
        self.hash = ALGORITHMS[name]()
        self.expected = expected
        self.checked = False

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.stream.read(len(buffer))
        if not data:
            self.check()
            return 0
        self.hash.update(data)
        buffer[: len(data)] = data
        return len(data)

    def check(self):
        if not self.checked:
            self.checked = True
            if not hmac.compare_digest(self.hash.digest(), self.expected):
                raise DigestMismatch()


class DigestCheckingRequest(Request):
    @cached_property
    def spooled_files(self):
        return []

    def _get_file_stream(self, *args, **kwargs):
        # Werkzeug's hook for the temporary file of each uploaded file.
        file = super()._get_file_stream(*args, **kwargs)
        self.spooled_files.append(file)
        return file

    def close(self):
        # Flask calls this at the end of the request. Werkzeug closes the files in
        # request.files; a parse stopped by a 400 leaves one that never got there.
        super().close()
        for file in self.spooled_files:
            file.close()

    @cached_property
    def stream(self):
        # The same safe stream Werkzeug gives (Content-Length, MAX_CONTENT_LENGTH),
        # wrapped when the client sent a digest.
        stream = get_input_stream(self.environ, max_content_length=self.max_content_length)
        header = self.headers.get("Content-Digest")
        if header is None:
            return stream
        return DigestingStream(stream, *parse_content_digest(header))


app = Flask(__name__)
app.request_class = DigestCheckingRequest
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024  # 413 above 16 MiB


@app.errorhandler(HTTPException)
def as_json(error):
    return {"error": error.description}, error.code


@app.post("/notes")
def add_note():
    text = request.form.get("text", "")
    if not text:
        abort(400, "A note needs its text.")
    return {"text": text}, 201


@app.post("/uploads")
def upload():
    if "Content-Digest" not in request.headers:
        abort(400, "An upload needs a Content-Digest header.")
    file = request.files.get("file")
    if file is None:
        abort(400, "An upload needs a file field.")
    size = file.stream.seek(0, io.SEEK_END)
    return {"name": file.filename, "size": size}, 201
