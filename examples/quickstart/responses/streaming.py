from flask import Flask, request, stream_with_context

app = Flask(__name__)

PEOPLE = [("Ada", 1815), ("Grace", 1906), ("Linus", 1969)]


@app.route("/people.csv")
def people():
    # Each row is sent as soon as it is made, never the whole file at once.
    # stream_with_context keeps `request` usable after the view returned.
    @stream_with_context
    def rows():
        separator = request.args.get("sep", ",")
        yield f"name{separator}born\n"
        for name, born in PEOPLE:
            yield f"{name}{separator}{born}\n"

    return rows(), {"Content-Type": "text/csv"}
