"""Login throttling: after repeated failed logins, stop trying passwords for a while.

Failures are counted in Django's cache twice: per account name (someone guessing one
editor's password from many addresses) and per client address (someone trying many
accounts from one place). Once either count reaches its limit, no password is checked
for that account or from that address until the window, which starts at the first
failure, has passed; even the right password is refused meanwhile.

The count is kept for the name as typed, whether or not such an account exists, so the
throttle itself reveals nothing about which accounts exist. Failures are recorded
through Django's ``user_login_failed`` signal, so every login form (the admin's and the
one for private pages) counts, and the check sits in the authentication backend, so
every form is also stopped.

With several server processes the cache must be shared (CACHES in production), or
each process counts alone. Counting uses the site's one rate-limit helper
(``core.ratelimit.hit``) and its one ``client_ip``, as a keyed hash
(``pseudonymous_address``: the cache never holds an address).

Why not django-axes (8.3.1, which declares Django 5.2 support; checked for this
module): axes locks out when the *largest* of its counts (``AXES_LOCKOUT_PARAMETERS``
``["username", "ip_address"]``) reaches *one* ``AXES_FAILURE_LIMIT``; a callable limit
gets ``(request, credentials)`` but not which count it is judging, so "5 per account,
20 per address" cannot be said. Its cache handler also extends the cool-off on every
failure (``touch``), a sliding window, where ours ends a fixed time after the first
failure, which is what ``Retry-After`` promises. Its 429 and ``AXES_LOCKOUT_CALLABLE``
could show our form and message, but the limits decide. What this module does that
axes does not: separate limits per account name and per address, a window fixed
from the first failure (an honest ``Retry-After``), counting names that do not exist
the same way, and password-reset mail limits by the same counter.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from core import ratelimit
from core.ratelimit import pseudonymous_address

THROTTLED_MESSAGE = _(
    "För många misslyckade inloggningar. Av säkerhetsskäl är inloggningen spärrad en "
    "stund. Försök igen om %(minutes)d minuter. "
    "(Too many failed logins. Please try again in %(minutes)d minutes.)"
)

# (failures, seconds): the defaults when the LOGIN_THROTTLE setting leaves one out.
DEFAULT_LIMITS = {"account": (5, 15 * 60), "address": (20, 15 * 60)}


def _limits():
    return {**DEFAULT_LIMITS, **getattr(settings, "LOGIN_THROTTLE", {})}


def _keys(request, username):
    keys = {}
    if username:
        # Hashed: any name fits any cache's key rules (length, characters).
        name = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
        keys["account"] = f"login-failures:account:{name}"
    address = pseudonymous_address(request) if request is not None else ""
    if address:
        keys["address"] = f"login-failures:address:{address}"
    return keys


def seconds_locked(request, username):
    """How long logins for this account or from this address stay refused; 0 if allowed."""
    limits = _limits()
    keys = _keys(request, username).items()
    return max([ratelimit.seconds_left(key, *limits[scope]) for scope, key in keys], default=0)


def record_failure(request, username):
    """Count one failed login, for the account name and for the client address."""
    limits = _limits()
    for scope, key in _keys(request, username).items():
        ratelimit.hit(key, limits[scope][1])


# Password reset mails: (requests, seconds) per e-mail address and per client address.
DEFAULT_RESET_LIMITS = {"email": (3, 60 * 60), "address": (10, 60 * 60)}


def allow_password_reset_mail(request, email):
    """Count one password reset request; False once this e-mail address or this client
    has asked too often. The visitor sees the same page either way (nothing tells
    whether an account exists); only the mail is not sent, so nobody can flood an
    editor's inbox through the form."""
    limits = {**DEFAULT_RESET_LIMITS, **getattr(settings, "PASSWORD_RESET_THROTTLE", {})}
    email_hash = hashlib.sha256(email.strip().casefold().encode()).hexdigest()
    keys = {"email": f"password-resets:email:{email_hash}"}
    address = pseudonymous_address(request) if request is not None else ""
    if address:
        keys["address"] = f"password-resets:address:{address}"
    counts = {scope: ratelimit.hit(key, limits[scope][1]) for scope, key in keys.items()}
    return all(count <= limits[scope][0] for scope, count in counts.items())


def forget_account(username):
    """A successful login clears the account's count (the address's count stays)."""
    for key in _keys(None, username).values():
        ratelimit.reset(key)


def throttled_message(seconds):
    return THROTTLED_MESSAGE % {"minutes": max(1, (seconds + 59) // 60)}


def on_login_failed(sender, credentials, request=None, **kwargs):
    record_failure(request, credentials.get("username", ""))


def on_logged_in(sender, request, user, **kwargs):
    forget_account(user.get_username())


class ThrottledModelBackend(ModelBackend):
    """Django's usual backend, which refuses to check a password while throttled."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if seconds_locked(request, username):
            # Stops every backend; Django then sends user_login_failed as for a wrong
            # password, and the login form shows its usual message.
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)
