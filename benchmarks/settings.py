"""Production settings for `make bench`, plus a header with each response's query count.

Everything else is production's (agency/settings/production.py). Where production's
cache is still the database cache (a query per cache read), the bench uses Redis when
the `redis` client is installed and REDIS_URL is set, else each worker's local memory,
and says which in the table's heading (BENCH_CACHE).
"""

import os

from agency.settings.production import *  # noqa: F403
from agency.settings.production import CACHES, MIDDLEWARE

if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    try:
        import redis  # noqa: F401

        redis_url = os.environ["REDIS_URL"]
    except (ImportError, KeyError):
        CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    else:
        CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
            }
        }
BENCH_CACHE = CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]

MIDDLEWARE = ["benchmarks.middleware.QueryCountMiddleware", *MIDDLEWARE]
