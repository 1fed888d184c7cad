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
each process counts alone.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from pages.ratelimit import client_ip

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
    address = client_ip(request) if request is not None else ""
    if address:
        keys["address"] = f"login-failures:address:{address}"
    return keys


def seconds_locked(request, username):
    """How long logins for this account or from this address stay refused; 0 if allowed."""
    limits = _limits()
    now = time.time()
    remaining = 0
    for scope, key in _keys(request, username).items():
        failures, started = cache.get(key, (0, now))
        limit, window = limits[scope]
        if failures >= limit:
            remaining = max(remaining, int(started + window - now) + 1)
    return remaining


def record_failure(request, username):
    """Count one failed login. The window starts at the first failure and does not move."""
    limits = _limits()
    now = time.time()
    for scope, key in _keys(request, username).items():
        window = limits[scope][1]
        failures, started = cache.get(key, (0, now))
        if started + window <= now:
            failures, started = 0, now
        cache.set(key, (failures + 1, started), timeout=max(1, int(started + window - now) + 1))


def forget_account(username):
    """A successful login clears the account's count (the address's count stays)."""
    cache.delete_many(list(_keys(None, username).values()))


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
