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
    items[item_id] = request.get_json()["name"]
    return {"id": item_id, "name": items[item_id]}


@app.delete("/items/<int:item_id>")
def delete(item_id):
    del items[item_id]
    return "", 204
