"""Local development and `make run`: a throwaway key, mail to the console, demo accounts.

The demo shows visitors' pages as visitors get them: DEBUG is off, so a wrong address
gets the site's Swedish 404 page (and an error the Swedish 500 page), not Django's
English technical pages. Tracebacks still go to the console (LOGGING in base.py);
`DEBUG=true make run` brings Django's debug pages back. WhiteNoise serves static files
straight from the apps' folders and Django serves image renditions, as runserver does
only with DEBUG on.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_ACCOUNTS_ENABLED = True
# Static files without collectstatic, picked up as they change.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_IMAGES = env_bool("SERVE_IMAGES", True)

# `make run` is two processes, the server and the scheduler loop: with a cache in each
# process's memory, a page the loop publishes would stay missing from the server's menus,
# listings and search until restarted. A cache table in the database both use keeps them
# in agreement and lives and dies with the database (created by migration
# core/0002_database_cache_table). REDIS_URL, when set, still takes precedence.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "agency_cache",
            "KEY_FUNCTION": CACHE_KEY_FUNCTION,  # noqa: F405
        }
    }
