"""One app per subdomain, created from the factory the first time its tenant is asked for."""

from threading import Lock

from tenants import TENANTS, create_tenant_app
from werkzeug.exceptions import NotFound


class SubdomainDispatcher:
    def __init__(self, domain):
        self.domain = domain
        self.apps = {}
        self.lock = Lock()  # two first requests for one tenant must not build two apps

    def app_for(self, host):
        tenant, _, domain = host.split(":")[0].partition(".")  # acme.example.test:8000
        if domain != self.domain or tenant not in TENANTS:
            return NotFound()
        with self.lock:
            if tenant not in self.apps:
                self.apps[tenant] = create_tenant_app(tenant)
            return self.apps[tenant]

    def __call__(self, environ, start_response):
        app = self.app_for(environ.get("HTTP_HOST", ""))
        return app(environ, start_response)


application = SubdomainDispatcher("example.test")
