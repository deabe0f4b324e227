from flask import Flask, request
from flask.views import MethodView


class ItemList(MethodView):
    """/items: a method of this class per HTTP method."""

    def __init__(self, items):
        self.items = items

    def get(self):
        return [{"id": key, "name": name} for key, name in sorted(self.items.items())]

    def post(self):
        item_id = max(self.items, default=0) + 1
        self.items[item_id] = request.get_json()["name"]
        return {"id": item_id, "name": self.items[item_id]}, 201


app = Flask(__name__)
app.add_url_rule("/items", view_func=ItemList.as_view("items", {1: "apple"}))
