"""View: one class, several URLs, each with its own arguments."""

from flask import Flask
from flask.views import View


class ListView(View):
    init_every_request = False  # one instance serves every request: keep no request state on it

    def __init__(self, kind, items):
        self.kind = kind
        self.items = items

    def dispatch_request(self):
        return {self.kind: self.items}


app = Flask(__name__)
# as_view(name, *args): the name is the endpoint; the other arguments go to __init__.
app.add_url_rule("/colours", view_func=ListView.as_view("colours", "colours", ["red", "blue"]))
app.add_url_rule("/sizes", view_func=ListView.as_view("sizes", "sizes", ["S", "M", "L"]))
