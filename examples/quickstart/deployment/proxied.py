from flask import Flask, request, url_for
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
# The app runs behind exactly one proxy, which sets X-Forwarded-For and
# X-Forwarded-Proto. Trusting more hops than there are lets clients lie.
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)


@app.route("/visitor")
def visitor():
    return {
        "remote_addr": request.remote_addr,
        "scheme": request.scheme,
        "link": url_for("visitor", _external=True),
    }
