from flask import Flask, abort, request

app = Flask(__name__)

ORDERS = {1: "2 espressos", 2: "1 croissant"}


@app.route("/orders/<int:order_id>")
def order(order_id):
    if order_id not in ORDERS:
        client = request.remote_addr
        # Arguments, not an f-string: logging formats the message only if
        # a handler is going to emit it.
        app.logger.warning("order %d not found (asked by %s)", order_id, client)
        abort(404)
    app.logger.debug("order %d shown", order_id)
    return ORDERS[order_id]
