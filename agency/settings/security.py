"""Settings for who may sign in and what browsers are told: passwords, login throttling,
trusted proxies, security headers and the Content Security Policy."""

import os

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (editorial/login_throttle.py): after this many failed logins within
# the window (seconds), per account name and per client address, no password is
# checked until the window has passed.
AUTHENTICATION_BACKENDS = ["editorial.login_throttle.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.ThrottledLoginForm"
LOGIN_THROTTLE = {"account": (5, 15 * 60), "address": (20, 15 * 60)}
# Password reset mails: at most this many per e-mail address and per client address
# and hour; beyond it the form looks the same but sends nothing.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "editorial.forms.ThrottledPasswordResetForm"
PASSWORD_RESET_THROTTLE = {"email": (3, 60 * 60), "address": (10, 60 * 60)}

# Trusted proxies in front of Django (front cache, load balancer). Every per-client
# limit (login throttling, password reset mails, feedback) reads the client's address
# from X-Forwarded-For through this many proxies (core.ratelimit.client_ip); with 0 it
# is REMOTE_ADDR. Production requires it to be set (docs/production.md).
_num_proxies = os.environ.get("NUM_PROXIES", "0").strip()
if not _num_proxies.isdigit():
    raise ImproperlyConfigured(
        f"NUM_PROXIES must be the number of trusted proxies in front of the application "
        f"(0, 1, 2, ...), not {_num_proxies!r}; see docs/production.md."
    )
NUM_PROXIES = int(_num_proxies)

# Security headers sent in every environment (production.py adds HTTPS-only ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp, agency/csp.py), also in development so that a
# template with inline script or style fails early. The public site: only our own
# files, no inline code. The JSON-LD <script type="application/ld+json"> is data,
# which browsers do not execute, so script-src does not apply to it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Wagtail's admin, as strict as its screens allow: tests/browser/test_admin_csp.py
# opens the dashboard, the page editor (rich text, preview, accessibility checks),
# images, documents and search, and fails on any violation the browser reports. Its
# templates carry inline scripts and styles; images are previewed from blob: and
# data: URLs. Not needed, so not allowed (tried with that test): 'unsafe-eval',
# blob: workers and media, data: fonts. The preview is framed by the admin itself,
# hence frame-ancestors 'self'.
CONTENT_SECURITY_POLICY_ADMIN_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    }
}
# Files (documents, .ics, .vcf): nothing loads, nothing runs, even if rendered.
CONTENT_SECURITY_POLICY_FILES = {"DIRECTIVES": {"default-src": [NONE], "sandbox": []}}
