"""Test runs: fast hashing, in-memory cache, plain static files, media in a temp folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "KEY_FUNCTION": CACHE_KEY_FUNCTION,  # noqa: F405
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
MEDIA_ROOT = tempfile.mkdtemp(prefix="agency-test-media-")
# Local media whatever the shell says; tests/storage/ switch to a SeaweedFS bucket.
AWS_STORAGE_BUCKET_NAME = ""
STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_ACCOUNTS_ENABLED = False
# Plain static storage and no collectstatic: WhiteNoise looks files up per request.
WHITENOISE_AUTOREFRESH = True
