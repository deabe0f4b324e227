import click
from flask import Flask, abort, request, url_for


def create_app(test_config=None):
    app = Flask(__name__)
    app.config.from_mapping(TODOS=[])
    if test_config is not None:
        app.config.from_mapping(test_config)
    todos = app.config["TODOS"]

    @app.get("/todos")
    def list_todos():
        return todos

    @app.post("/todos")
    def add_todo():
        try:
            data = request.get_json(silent=True)  # None if the body is not JSON
        except RecursionError:  # JSON nested deeper than Python's parser goes
            data = None
        title = data.get("title") if isinstance(data, dict) else None
        if not isinstance(title, str) or not title.strip():
            return {"error": 'Send JSON such as {"title": "..."}.'}, 400
        title = title.strip()
        todos.append(title)
        return {"title": title}, 201, {"Location": url_for("show_todo", index=len(todos) - 1)}

    @app.get("/todos/<int:index>")
    def show_todo(index):
        if index >= len(todos):
            abort(404)
        return {"title": todos[index]}

    @app.cli.command("add")
    @click.argument("title")
    def add_command(title):
        """Add TITLE to the list."""
        todos.append(title)
        click.echo(f"{len(todos)} to do")

    return app
