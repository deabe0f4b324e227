from flask import Flask
from werkzeug.exceptions import HTTPException

app = Flask(__name__)
items = {1: "apple"}


@app.errorhandler(HTTPException)
def as_json(error):
    # Keep the status and headers (Allow on a 405), replace the HTML body.
    response = error.get_response()
    response.content_type = "application/json"
    response.set_data(app.json.dumps({"error": error.name, "message": error.description}))
    return response


@app.get("/items/<int:item_id>")
def read(item_id):
    if item_id not in items:
        return {"error": "Not Found", "message": f"No item {item_id}."}, 404
    return {"id": item_id, "name": items[item_id]}
