"""Production: every value from the environment; refuses to start without the essentials.

Behind a TLS-terminating proxy that sets ``X-Forwarded-Proto``. Security headers
common to every environment (CSP, nosniff, referrer policy, framing, COOP) are set
in base.py; this file adds what needs HTTPS. ``manage.py check --deploy`` with these
settings reports no issues (tests/security/test_production_settings.py).

RELEASE_ID (optional, caching.py): the release's id, the same on every app node, e.g. the
git commit; the shared cache keeps each release's code-shaped entries apart by it.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

for required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "NUM_PROXIES"):
    if not os.environ.get(required):
        raise ImproperlyConfigured(f"{required} must be set in the environment for production.")

# NUM_PROXIES (how many trusted proxies stand in front of gunicorn) has no default here:
# with too few, every visitor shares the proxy's address and one attacker locks every
# editor out of the admin; with too many, clients choose their own address and evade
# every limit. base.py checks that it is a number.

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DEMO_ACCOUNTS_ENABLED = False

# HTTPS only. SECURE_SSL_REDIRECT may be turned off for `make serve-prod` on a
# laptop (plain http://127.0.0.1); a real deployment never does.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Cookies: HTTPS only, never readable by another subdomain. The __Host- prefix makes
# the browser enforce that (Secure, Path=/, no Domain), so a sibling host cannot
# plant or overwrite them.
SESSION_COOKIE_NAME = "__Host-sessionid"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_PATH = "/"
SESSION_COOKIE_DOMAIN = None
# An editor's login lasts a working day; the session also ends with the browser.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_PATH = "/"
CSRF_COOKIE_DOMAIN = None

# Password rules (at least 12 characters, not common, not all digits, not like the
# user's name) are in base.py and apply to every environment.

# Static files: hashed names (cacheable for ever) and pre-compressed (gzip, Brotli
# if installed) by `collectstatic`, served by WhiteNoise from gunicorn.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "core.static_storage.StaticFilesStorage"},
}

# One cache shared by every gunicorn worker and every app node: the login throttle and
# the feedback form's rate limit count in it, sessions are read through it, and with a
# per-process cache each process would count alone, so a throttled account could still
# log in through another worker or node. base.py builds CACHES from REDIS_URL.
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL must be set in the environment for production (the shared cache)."
    )

# Links in notification and password e-mails: the site's own address, never the
# Host header of whichever request triggered them.
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)
