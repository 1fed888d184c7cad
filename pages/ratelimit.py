"""A small fixed-window rate limit per client IP, kept in Django's cache.

Used where a form can be posted without logging in (the feedback form): a person
sends a handful of messages at most, a script sends hundreds. The cache must be
shared between processes in production (CACHES), or each process counts alone.
"""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The visitor's address. Behind NUM_PROXIES trusted proxies it is that many
    entries from the right of X-Forwarded-For; entries further left are whatever the
    client wrote and cannot be trusted."""
    proxies = getattr(settings, "NUM_PROXIES", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow(scope, request, limit, period):
    """Count one attempt from this client; False once it has made `limit` in `period` s."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit
