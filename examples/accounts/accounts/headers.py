"""Security headers on every response."""

import secrets

from flask import g, request

HSTS = "max-age=31536000; includeSubDomains"  # a year, this host and every subdomain


def csp_nonce() -> str:
    """The nonce this response's inline script carries (templates call it)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def add_headers(response):
    nonce = g.get("csp_nonce")
    policy = [
        "default-src 'none'",  # nothing loads unless named below
        f"script-src 'nonce-{nonce}'" if nonce else "script-src 'none'",  # no injected script
        "connect-src 'self'",  # fetch() to this site only
        "form-action 'self'",  # forms post to this site only
        "frame-ancestors 'none'",  # no other page may frame this one
        "base-uri 'none'",
    ]
    headers = response.headers
    headers.setdefault("Content-Security-Policy", "; ".join(policy))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")  # frame-ancestors, for older browsers
    # A Referer names the origin alone, to this site or another (and is not sent
    # from HTTPS to HTTP): enough for Flask-WTF's check over HTTPS, and no path
    # or query string, such as a reset token, leaves a page in it.
    headers.setdefault("Referrer-Policy", "strict-origin")
    # Every page is someone's own (a token, a reset form, an account): never cached.
    headers.setdefault("Cache-Control", "no-store")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", HSTS)
    if request.path.startswith("/api/"):
        headers.setdefault("Content-Disposition", 'attachment; filename="api.json"')
    return response


def init_app(app) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.after_request(add_headers)
