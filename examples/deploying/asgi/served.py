"""The Flask app as an ASGI app, for an ASGI server such as uvicorn."""

from asgiref.wsgi import WsgiToAsgi
from waiting import app

asgi_app = WsgiToAsgi(app)
