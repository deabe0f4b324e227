"""Flask beside a native ASGI app: WebSockets go to the native app, HTTP to Flask."""

from asgiref.wsgi import WsgiToAsgi
from waiting import app

flask_app = WsgiToAsgi(app)


async def shout(scope, receive, send):
    """A WebSocket that sends back each text message in capitals."""
    while True:
        message = await receive()
        if message["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
        elif message["type"] == "websocket.receive":
            text = message.get("text") or ""
            await send({"type": "websocket.send", "text": text.upper()})
        elif message["type"] == "websocket.disconnect":
            return


async def refuse(scope, receive, send):
    """No WebSocket at this path: close before accepting, which the server sends as a 403."""
    await receive()  # websocket.connect
    await send({"type": "websocket.close"})


async def asgi_app(scope, receive, send):
    if scope["type"] == "websocket":
        handler = shout if scope["path"] == "/shout" else refuse
        await handler(scope, receive, send)
    else:
        await flask_app(scope, receive, send)  # HTTP; lifespan events it declines
