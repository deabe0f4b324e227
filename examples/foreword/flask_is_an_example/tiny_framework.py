"""A web framework in one file: Werkzeug speaks HTTP, Jinja2 renders templates."""

from jinja2 import Environment, FileSystemLoader, select_autoescape
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response


class Tiny:
    def __init__(self, templates):
        """``templates``: the folder the app's templates are in."""
        self.url_map = Map()
        self.views = {}
        self.jinja = Environment(
            loader=FileSystemLoader(templates),
            autoescape=select_autoescape(),  # on for .html, .htm and .xml
        )

    def route(self, rule):
        def register(view):
            self.url_map.add(Rule(rule, endpoint=view.__name__, methods=["GET"]))
            self.views[view.__name__] = view
            return view

        return register

    def render(self, template, **context):
        return self.jinja.get_template(template).render(context)

    def __call__(self, environ, start_response):
        """The WSGI application: one call per request."""
        request = Request(environ)
        try:
            endpoint, arguments = self.url_map.bind_to_environ(environ).match()
            response = self.views[endpoint](request, **arguments)
        except HTTPException as error:
            response = error  # NotFound, MethodNotAllowed...: each is a WSGI app too
        if isinstance(response, str):
            response = Response(response, mimetype="text/html")
        return response(environ, start_response)
