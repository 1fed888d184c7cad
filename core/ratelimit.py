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

    Atomic across processes and nodes: the window's start is claimed with ``cache.add``
    (``key:started``) and the events are counted with ``cache.incr`` under a key named by
    that start (Redis INCR), so two attempts counted at once on two nodes count twice and
    a new window counts from one. A get-then-set count lost the attempt counted in
    between, which let a parallel burst of logins past the throttle.
    """
    now = time.time()
    cache.add(f"{key}:started", now, timeout=window)
    started = cache.get(f"{key}:started") or now  # expired in between: a new window
    count_key = _count_key(key, started)
    cache.add(count_key, 0, timeout=window + 1)
    try:
        return cache.incr(count_key)
    except ValueError:  # the count expired between add and incr
        cache.set(count_key, 1, timeout=window + 1)
        return 1


def _count_key(key, started):
    return f"{key}:count:{started!r}"


def _window(key):
    """(count, started) of the window under ``key``: (0, None) when none runs."""
    started = cache.get(f"{key}:started")
    if started is None:
        return 0, None
    return cache.get(_count_key(key, started), 0), started


def reset(key):
    """End the window under ``key``: the next ``hit`` counts from one."""
    cache.delete(f"{key}:started")


def seconds_left(key, limit, window):
    """Seconds (an int) until the window under ``key`` ends, if ``limit`` events have
    been counted in it; 0 while fewer have."""
    count, started = _window(key)
    if count < limit:
        return 0
    return max(0, int(started + window - time.time()) + 1)


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
    _count, started = _window(_key(scope, request))
    return max(1, math.ceil((started or now) + period - now))
