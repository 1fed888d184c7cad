"""Settings shared by every environment.

Values that differ between machines come from the environment; dev.py, test.py
and production.py change only what differs. Nothing secret has a default here.
This module holds Django's core settings; each other concern has a module of its own
(security.py, storage.py, caching.py, wagtail.py, features.py for the site's own apps),
imported here whole, so that `from .base import *` still brings every setting.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .caching import *  # noqa: F403
from .environment import BASE_DIR, env_bool, env_list
from .features import *  # noqa: F403
from .security import *  # noqa: F403
from .storage import *  # noqa: F403
from .wagtail import *  # noqa: F403

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # Our apps, one per domain (README: map of the code). documents before
    # wagtail.documents: its admin views take Wagtail's document URLs (documents/wagtail_hooks.py).
    "core",
    "documents",
    "search",
    "contacts",
    "events",
    "pages",
    "feedback",
    "language_versions",
    "alternate_formats",
    "editorial",
    "demo",
    "content_review",
    "linkcheck",
    "page_feedback",
    "personal_data",
    "archive",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Not for our templates: Wagtail's admin shows times with humanize's naturaltime ("för
    # 43 sekunder sedan": workflow status, locks), and Django loads an app's translations
    # only when the app is installed; without it the Swedish admin said "43 seconds ago".
    "django.contrib.humanize",
    # Wagtail's database search backend uses PostgreSQL full-text search through this.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "agency.csp.AgencyCSPMiddleware",
    "agency.content_encoding.DropNoneContentEncodingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above sessions, CSRF and auth: sees the cookies and Vary they add (core/http_cache.py).
    "core.http_cache.BrotliMiddleware",
    "core.http_cache.CacheControlMiddleware",
    "core.http_cache.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address (/en/… English, else Swedish), before URL resolution.
    "core.i18n.LanguageFromPathMiddleware",
    # Empty 405 answers get a readable page in that language (core/method_not_allowed.py).
    "core.method_not_allowed.MethodNotAllowedPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.site_cache.CachedSiteMiddleware",
    # Before the CSRF check: OPTIONS, and 405 for a method the view does not take.
    "core.method_not_allowed.AllowedMethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's RedirectMiddleware, remembering a moment that a 404 has no redirect.
    "core.redirects.CachedRedirectMiddleware",
    "editorial.middleware.PreviewInSiteLanguageMiddleware",
]

ROOT_URLCONF = "agency.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "agency.wsgi.application"

# DATABASE_URL selects the database (postgres://user:pass@host:5432/name).
# Without it, a SQLite file in the project folder: zero set-up for development.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast instead of piling up workers: a connection attempt gives up after
    # DB_CONNECT_TIMEOUT seconds (database down), a statement after
    # DB_STATEMENT_TIMEOUT_MS milliseconds (database overloaded or a runaway query).
    # Either way the visitor gets the error page at once, and CONN_HEALTH_CHECKS
    # replaces a broken connection on the next request, so the site recovers by itself.
    # DB_STATEMENT_TIMEOUT_MS=0 turns the limit off, e.g. for a long migration.
    statement_timeout_ms = int(os.environ.get("DB_STATEMENT_TIMEOUT_MS", "15000"))
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": int(os.environ.get("DB_CONNECT_TIMEOUT", "5")),
            "options": f"-c statement_timeout={statement_timeout_ms}",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Swedish first, with addresses as they always were (no /sv/); English pages under /en/
# (agency/urls.py: i18n_patterns without a prefix for the default language).
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
# Each language named in itself, for the public language switcher and hreflang links.
LANGUAGE_SELF_NAMES = {"sv": "Svenska", "en": "English"}
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Let Django serve image renditions (MEDIA_URL/images/) when no web server does.
SERVE_IMAGES = env_bool("SERVE_IMAGES", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
