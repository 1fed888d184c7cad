"""Caching: the shared cache (Redis) and sessions, the release its entries are kept under,
HTTP cache headers, the front cache that is purged on publish, and the render cache.

RELEASE_ID (environment): the release's id, the same on every app node of one release and
new with each release, e.g. the deployed git commit. Every cache entry whose shape the
code defines is kept under it, so a node never reads another release's entries (they
failed with a 500 after a deploy); sessions, rate limits, claimed form tokens and the
site's generations are not (agency/release.py). Unset, it is derived from the source
files and the installed packages, which every node of one release shares.
"""

import os
import re

from django.core.exceptions import ImproperlyConfigured

# Shared state for every process and every app node (docs/production.md): with REDIS_URL
# the cache is Redis (django-redis), where login throttles, rate limits and Wagtail's
# cached site root paths and renditions live, and sessions are read through it
# (cached_db: Redis first, the database when Redis has lost them). Without it, each
# process keeps its own in-memory cache, enough for `make run` and the test suite.
REDIS_URL = os.environ.get("REDIS_URL", "")
# The release (agency/release.py); "" derives it from the code and the installed packages.
# Letters, digits and . _ + - only (a git commit or a version number fits): it is part of
# every key.
RELEASE_ID = os.environ.get("RELEASE_ID", "").strip()
if not re.fullmatch(r"[A-Za-z0-9._+-]{0,64}", RELEASE_ID):
    raise ImproperlyConfigured(
        "RELEASE_ID may hold at most 64 letters, digits, '.', '_', '+' and '-'."
    )
# Every cache alias makes its keys with it (dev.py and test.py too): the release id in
# each key but those of state that outlives a deploy.
CACHE_KEY_FUNCTION = "agency.release.cache_key"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "agency"),
            "KEY_FUNCTION": CACHE_KEY_FUNCTION,
            "OPTIONS": {
                # A Redis that does not answer within these seconds fails the request
                # instead of tying up the worker.
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# HTTP caching (core/http_cache.py): what browsers (max-age) and shared caches such
# as the front cache (s-maxage) may keep, in seconds. Anonymous answers only; pages are
# purged from the front cache on publish, so CACHE_S_MAXAGE is an upper bound. Browsers
# keep pages for 0 s: they ask the front cache again on every visit (a cheap 304 with the
# ETag), so an unpublished page or a published correction reaches every visitor on the
# next request, not a minute later.
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "0"))
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", "300"))
CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("CACHE_STALE_WHILE_REVALIDATE", "30"))
CACHE_STALE_IF_ERROR = int(os.environ.get("CACHE_STALE_IF_ERROR", str(24 * 60 * 60)))
CACHE_NOT_FOUND_S_MAXAGE = int(os.environ.get("CACHE_NOT_FOUND_S_MAXAGE", "60"))
# (max-age, s-maxage) per URL name, for answers that change seldom or are fetched by
# programs (feed readers, calendar apps, crawlers).
CACHE_LIFETIMES_BY_URL_NAME = {
    "robots_txt": (60 * 60, 24 * 60 * 60),
    "sitemap": (60 * 60, CACHE_S_MAXAGE),
    "new_publications_feed": (15 * 60, CACHE_S_MAXAGE),
    "events:upcoming_ics": (60 * 60, CACHE_S_MAXAGE),
    "events:conference_ics": (60 * 60, CACHE_S_MAXAGE),
    "contacts:vcard": (60 * 60, CACHE_S_MAXAGE),
}
# Purge on publish (core/frontend_cache.py) through Wagtail's frontend cache.
# FRONTEND_CACHE_URL: the front cache (Varnish) that accepts PURGE and BAN from this
# host, e.g. http://127.0.0.1:8080. CLOUDFLARE_ZONE_ID with CLOUDFLARE_BEARER_TOKEN (or
# CLOUDFLARE_EMAIL with CLOUDFLARE_API_KEY): a Cloudflare zone in front. CLOUDFRONT_-
# DISTRIBUTION_ID: a CloudFront distribution (needs boto3 and AWS credentials). None set:
# nothing is purged (development).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "core.frontend_cache.VarnishBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        **(
            {"BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"]}
            if os.environ.get("CLOUDFLARE_BEARER_TOKEN")
            else {
                "EMAIL": os.environ.get("CLOUDFLARE_EMAIL", ""),
                "API_KEY": os.environ.get("CLOUDFLARE_API_KEY", ""),
            }
        ),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# Rendered page fragments in the cache (core/render_cache.py): the time window in
# seconds (what depends on the clock is at most this old); 0 turns the render cache off.
RENDER_CACHE_SECONDS = int(os.environ.get("RENDER_CACHE_SECONDS", "60"))
# Brotli quality for shareable text (core/http_cache.BrotliMiddleware), 0-11.
BROTLI_QUALITY = int(os.environ.get("BROTLI_QUALITY", "5"))
# Never shared, whoever asks.
CACHE_PRIVATE_PATH_PREFIXES = ("/admin/",)
