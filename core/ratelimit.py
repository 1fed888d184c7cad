"""The client's address, and the one small fixed-window rate limit, kept in Django's cache.

``client_ip`` is the one place the site decides who a request comes from: login
throttling, password-reset limits and the feedback form's rate limit all count per
``client_ip``. Behind reverse proxies every request arrives from the nearest proxy, so
the address is read from ``X-Forwarded-For`` as far as the trusted proxies wrote it
(``NUM_PROXIES``, required in production); what the client itself wrote there is never
trusted.

``hit`` is the one counter every limit uses: the feedback form's (``allow``), login
throttling and password-reset mails (editorial/login_throttle.py).

``allow`` is used where a form can be posted without logging in (the feedback form): a person
sends a handful of messages at most, a script sends hundreds. ``retry_after`` tells a
refused client how long its window still runs (the 429's ``Retry-After``). The cache must be
shared between processes in production (CACHES), or each process counts alone.

Counters are keyed by ``pseudonymous_address``, never by the address itself: an IP
address is personal data (CJEU C-582/14, Breyer), and a counter needs only to tell one
client from another for the length of its window (GDPR article 5(1)(c), data minimisation).
"""

import hashlib
import hmac
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import cache


def _address(value):
    """``value`` as a normalised IP address string, or "" when it is not one."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request):
    """The address of the client that sent ``request`` (a string; "" if unknown).

    Each proxy appends the address it received the request from to ``X-Forwarded-For``
    (the de-facto form of RFC 7239's ``for=``), so with ``NUM_PROXIES`` trusted proxies
    in front of Django the client is the ``NUM_PROXIES``-th entry from the right: the one
    the outermost trusted proxy wrote. Entries further left are whatever the client sent
    and cannot be trusted, so adding them neither hides a client nor frames another
    (OWASP, "Denial of Service" and "Credential Stuffing" cheat sheets: limit per
    verified client). With ``NUM_PROXIES = 0`` (nothing in front) it is ``REMOTE_ADDR``.
    A request that did not pass through all trusted proxies (too few entries, or an
    entry that is not an address) counts as coming from ``REMOTE_ADDR``.
    """
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    proxies = getattr(settings, "NUM_PROXIES", 0)
    if proxies:
        forwarded = [
            part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
        ]
        if len(forwarded) >= proxies:
            return _address(forwarded[-proxies]) or remote
    return remote


def hit(key, window):
    """Count one event under ``key`` (a cache key) in a fixed window of ``window`` seconds
    that starts at the first event and does not move; returns the count so far (an int).

    Kept as ``(count, started)`` with plain get and set, so any cache backend keeps the
    window's end and ``seconds_left`` can tell how long it still runs.
    """
    now = time.time()
    count, started = cache.get(key, (0, now))
    if started + window <= now:
        count, started = 0, now
    cache.set(key, (count + 1, started), timeout=max(1, int(started + window - now) + 1))
    return count + 1


def seconds_left(key, limit, window):
    """Seconds (an int) until the window under ``key`` ends, if ``limit`` events have
    been counted in it; 0 while fewer have."""
    now = time.time()
    count, started = cache.get(key, (0, now))
    if count < limit:
        return 0
    return max(0, int(started + window - now) + 1)


def pseudonymous_address(request):
    """``client_ip(request)`` as a keyed hash (32 hex characters; "" when the address is
    unknown): HMAC-SHA256 under ``SECRET_KEY``, so the same client gets the same value on
    every node, and nobody who reads the cache can list the visitors' addresses or test a
    guessed one without the key."""
    address = client_ip(request)
    if not address:
        return ""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"client-address:{address}".encode(), hashlib.sha256
    )
    return digest.hexdigest()[:32]


def _key(scope, request):
    return f"ratelimit:{scope}:{pseudonymous_address(request)}"


def allow(scope, request, limit, period):
    """Count one attempt from this client; False once it has made `limit` in `period` s."""
    return hit(_key(scope, request), period) <= limit


def retry_after(scope, request, period):
    """Seconds (an int, at least 1) until this client may try again after ``allow`` with
    the same ``scope`` and ``period`` refused it: the rest of its fixed window, rounded
    up to a whole second; the value of a 429's ``Retry-After`` header (RFC 6585
    section 4, RFC 9110 section 10.2.3)."""
    now = time.time()
    _count, started = cache.get(_key(scope, request), (0, now))
    return max(1, math.ceil(started + period - now))
