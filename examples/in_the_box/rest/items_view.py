from flask import Flask, request
from flask.views import MethodView


class ItemList(MethodView):
    """/items: a method of this class per HTTP method."""

    def __init__(self, items):
        self.items = items

    def get(self):
        return [{"id": key, "name": name} for key, name in sorted(self.items.items())]

    def post(self):
        try:
            data = request.get_json(silent=True)  # None if the body is not JSON
        except RecursionError:  # JSON nested deeper than Python's parser goes
            data = None
        name = data.get("name") if isinstance(data, dict) else None
        if not isinstance(name, str) or not name.strip():
            return {"error": 'Send JSON such as {"name": "pear"}.'}, 400
        item_id = max(self.items, default=0) + 1
        self.items[item_id] = name.strip()
        return {"id": item_id, "name": self.items[item_id]}, 201


app = Flask(__name__)
app.add_url_rule("/items", view_func=ItemList.as_view("items", {1: "apple"}))
