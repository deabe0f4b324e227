import os

from flask import Flask, abort, request, send_from_directory
from werkzeug.utils import secure_filename


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        UPLOAD_FOLDER=os.path.join(app.instance_path, "uploads"),
        # Reading a bigger request body raises 413 Request Entity Too Large.
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    if test_config is not None:
        app.config.update(test_config)
    os.makedirs(app.config["UPLOAD_FOLDER"], exist_ok=True)

    @app.get("/upload")
    def upload_form():
        return (
            '<form method="post" enctype="multipart/form-data">'
            '<input type="file" name="file"> <button>Upload</button></form>'
        )

    @app.post("/upload")
    def upload():
        # Reading request.files reads the body: this is where the limit applies.
        file = request.files["file"]
        # Never trust the client's file name: it could be "../../etc/passwd".
        name = secure_filename(file.filename)
        if not name:
            abort(400)
        file.save(os.path.join(app.config["UPLOAD_FOLDER"], name))
        return {"saved": name}, 201

    @app.get("/uploads/<name>")
    def uploaded(name):
        # send_from_directory refuses any name that leads out of the folder.
        return send_from_directory(app.config["UPLOAD_FOLDER"], name)

    return app
