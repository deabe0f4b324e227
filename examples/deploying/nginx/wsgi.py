"""What Apache's mod_wsgi runs: the app itself, as the WSGI callable `application`.

Apache talks to the visitor directly, so there is no proxy whose headers to trust.
"""

from shop import app as application  # noqa: F401 (mod_wsgi looks for this name)
