"""Two tenants' apps in one process, mounted by path prefix."""

from tenants import create_tenant_app
from werkzeug.exceptions import NotFound
from werkzeug.middleware.dispatcher import DispatcherMiddleware

application = DispatcherMiddleware(
    NotFound(),  # anything outside /acme and /globex
    {"/acme": create_tenant_app("acme"), "/globex": create_tenant_app("globex")},
)
