from flask import Flask, abort, request

app = Flask(__name__)
items = {1: "apple"}


@app.get("/items/<int:item_id>")
def read(item_id):
    if item_id not in items:
        abort(404)
    return {"id": item_id, "name": items[item_id]}


@app.put("/items/<int:item_id>")
def replace(item_id):
    try:
        data = request.get_json(silent=True)  # None if the body is not JSON
    except RecursionError:  # JSON nested deeper than Python's parser goes
        data = None
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name.strip():
        return {"error": 'Send JSON such as {"name": "pear"}.'}, 400
    status = 200 if item_id in items else 201  # PUT replaces, or creates
    items[item_id] = name.strip()
    return {"id": item_id, "name": items[item_id]}, status


@app.delete("/items/<int:item_id>")
def delete(item_id):
    if items.pop(item_id, None) is None:
        abort(404)
    return "", 204
