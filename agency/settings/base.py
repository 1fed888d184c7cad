"""Settings shared by every environment.

Values that differ between machines come from the environment; dev.py, test.py
and production.py change only what differs. Nothing secret has a default here.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address (/en/… English, else Swedish), before URL resolution.
    "core.i18n.LanguageFromPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.site_cache.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (editorial/login_throttle.py): after this many failed logins within
# the window (seconds), per account name and per client address, no password is
# checked until the window has passed.
AUTHENTICATION_BACKENDS = ["editorial.login_throttle.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.ThrottledLoginForm"
LOGIN_THROTTLE = {"account": (5, 15 * 60), "address": (20, 15 * 60)}
# Password reset mails: at most this many per e-mail address and per client address
# and hour; beyond it the form looks the same but sends nothing.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "editorial.forms.ThrottledPasswordResetForm"
PASSWORD_RESET_THROTTLE = {"email": (3, 60 * 60), "address": (10, 60 * 60)}

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

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_media_storage(environ):
    """The STORAGES entry for media in the bucket that `environ` (os.environ or a dict
    with the same AWS_* names) describes."""
    return {
        "BACKEND": "core.storage.PrivateMediaStorage",
        "OPTIONS": {
            "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": int(environ.get("AWS_QUERYSTRING_EXPIRE", "60")),
            # Two uploads named alike must not replace each other's file.
            "file_overwrite": False,
            "addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE", "path"),
            "signature_version": "s3v4",
        },
    }


# Media on S3-compatible object storage when a bucket is named (docs/production.md,
# "Media in object storage"); local disk (MEDIA_ROOT) otherwise. The bucket and its
# objects are private: documents reach visitors only through Wagtail's serve view
# (/dokument/...), which checks collection privacy first and then streams the file;
# image renditions are streamed under MEDIA_URL/images/ by core.views.serve_rendition.
# Any other URL of a stored file is signed and expires after AWS_QUERYSTRING_EXPIRE s.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = s3_media_storage(os.environ)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Shared state for every process and every app node (docs/production.md): with REDIS_URL
# the cache is Redis (django-redis), where login throttles, rate limits and Wagtail's
# cached site root paths and renditions live, and sessions are read through it
# (cached_db: Redis first, the database when Redis has lost them). Without it, each
# process keeps its own in-memory cache, enough for `make run` and the test suite.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "agency"),
            "OPTIONS": {
                # A Redis that does not answer within these seconds fails the request
                # instead of tying up the worker.
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Security headers sent in every environment (production.py adds HTTPS-only ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp, agency/csp.py), also in development so that a
# template with inline script or style fails early. The public site: only our own
# files, no inline code. The JSON-LD <script type="application/ld+json"> is data,
# which browsers do not execute, so script-src does not apply to it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Wagtail's admin, as strict as its screens allow: tests/browser/test_admin_csp.py
# opens the dashboard, the page editor (rich text, preview, accessibility checks),
# images, documents and search, and fails on any violation the browser reports. Its
# templates carry inline scripts and styles; images are previewed from blob: and
# data: URLs. Not needed, so not allowed (tried with that test): 'unsafe-eval',
# blob: workers and media, data: fonts. The preview is framed by the admin itself,
# hence frame-ancestors 'self'.
CONTENT_SECURITY_POLICY_ADMIN_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    }
}
# Files (documents, .ics, .vcf): nothing loads, nothing runs, even if rendered.
CONTENT_SECURITY_POLICY_FILES = {"DIRECTIVES": {"default-src": [NONE], "sandbox": []}}

# Wagtail
WAGTAIL_SITE_NAME = "Tillväxtverket"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Pages in Swedish and English: Wagtail's locales, translations made in the admin with
# wagtail.contrib.simple_translation (docs: Wagtail "Internationalisation").
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Web addresses in plain ASCII (umea, not ume%C3%A5), typed, pasted or read aloud alike.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Set once, before the first migration: Wagtail cannot switch document models later.
WAGTAILDOCS_DOCUMENT_MODEL = "documents.AgencyDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Serve documents through Django so that collection privacy always applies.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document is downloaded, none shown in the browser tab: files come from many
# hands, and a download never runs in the site's origin (the response also carries
# nosniff and a sandboxing CSP). PDF viewers in some browsers refuse sandboxed
# inline PDFs, so inline PDF would mean a weaker header for the riskiest format.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Refuses files whose contents are not what their names say (documents/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.AgencyDocumentForm"
# Seconds an upload may spend reading a PDF's text for search (documents/files.py): well
# inside gunicorn's 30 s timeout; the editor is told when text past it is left out.
PDF_TEXT_TIME_LIMIT = float(os.environ.get("PDF_TEXT_TIME_LIMIT", "10"))

WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Decodes every uploaded image once, so a truncated or broken one is refused at upload
# instead of failing later when a rendition is made (documents/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "documents.forms.AgencyImageForm"
# No requests to other hosts from the admin: no Gravatar, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Wagtail's database backend: on PostgreSQL full-text search with Swedish stemming,
# on SQLite plainer matching. search.backend adds root matching to both, so other
# forms of a word are found too ("konferenser" finds "konferens").
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "swedish",
    }
}

WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Demo accounts are created by load_demo_content only where this is on (dev).
DEMO_ACCOUNTS_ENABLED = False

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webbplatsen@tillvaxtverket.se")

# The feedback form accepts this many submissions per client address and period
# (seconds), counted in the default cache.
FEEDBACK_RATE_LIMIT = (5, 60 * 60)
# Orders of documents in an accessible format (alternate_formats/): who receives them
# (comma-separated; empty: the live accessibility statement's contact address) and how
# many one client address may send per period (seconds).
ALTERNATE_FORMAT_EMAIL = os.environ.get("ALTERNATE_FORMAT_EMAIL", "")
ALTERNATE_FORMAT_RATE_LIMIT = (5, 60 * 60)
# Content review (content_review/): days between reviews per page type
# ("app_label.ModelName"), and how many days before the date owners are reminded.
CONTENT_REVIEW_INTERVAL_DAYS = {
    "default": int(os.environ.get("CONTENT_REVIEW_INTERVAL_DAYS", "365")),
    "events.ConferencePage": 180,
    "pages.HomePage": 90,
}
CONTENT_REVIEW_NOTICE_DAYS = int(os.environ.get("CONTENT_REVIEW_NOTICE_DAYS", "14"))
# External link checker (linkcheck/): the User-Agent it sends, seconds per request.
LINKCHECK_USER_AGENT = "TillvaxtverketLinkChecker/1.0 (+{})".format(
    os.environ.get("LINKCHECK_SITE_URL", "https://tillvaxtverket.se")
)
LINKCHECK_TIMEOUT = float(os.environ.get("LINKCHECK_TIMEOUT", "10"))
LINKCHECK_MAX_WORKERS = 4
# Page feedback ("Hittade du det du sökte?"): answers per client address and period (s).
PAGE_FEEDBACK_RATE_LIMIT = (20, 60 * 60)
# Page types without the question (the home page is a signpost, the form asks its own).
PAGE_FEEDBACK_EXCLUDED_TYPES = ["pages.HomePage", "feedback.FeedbackFormPage"]
# Personal data retention (personal_data/retention.py): months kept, and the
# (model label, date field) pairs apply_personal_data_retention deletes from.
PERSONAL_DATA_RETENTION_MONTHS = int(os.environ.get("PERSONAL_DATA_RETENTION_MONTHS", "12"))
PERSONAL_DATA_RETENTION = [
    ("wagtailforms.FormSubmission", "submit_time"),
    ("page_feedback.PageFeedback", "created_at"),
    ("alternate_formats.AlternateFormatRequest", "created_at"),
]
# Trusted proxies in front of Django (front cache, load balancer). Every per-client
# limit (login throttling, password reset mails, feedback) reads the client's address
# from X-Forwarded-For through this many proxies (core.ratelimit.client_ip); with 0 it
# is REMOTE_ADDR. Production requires it to be set (docs/production.md).
_num_proxies = os.environ.get("NUM_PROXIES", "0").strip()
if not _num_proxies.isdigit():
    raise ImproperlyConfigured(
        f"NUM_PROXIES must be the number of trusted proxies in front of the application "
        f"(0, 1, 2, ...), not {_num_proxies!r}; see docs/production.md."
    )
NUM_PROXIES = int(_num_proxies)

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

# Rendered page fragments in the cache (pages/render_cache.py): the time window in
# seconds (what depends on the clock is at most this old); 0 turns the render cache off.
RENDER_CACHE_SECONDS = int(os.environ.get("RENDER_CACHE_SECONDS", "60"))
# Brotli quality for shareable text (core/http_cache.BrotliMiddleware), 0-11.
BROTLI_QUALITY = int(os.environ.get("BROTLI_QUALITY", "5"))
# Never shared, whoever asks.
CACHE_PRIVATE_PATH_PREFIXES = ("/admin/",)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Web archive (archive/, docs/archive.md): every published version of a page is kept.
# The public "as published on <date>" view (/webbarkiv/<id>/) is off unless switched on.
ARCHIVE_PUBLIC_VIEW = env_bool("ARCHIVE_PUBLIC_VIEW", False)
# Retention (gallring): days each page type's versions are kept, e.g.
# {"events.ConferencePage": 3650}; a page type not named is kept forever.
ARCHIVE_RETENTION_DAYS = {}
# At most this many stylesheets, images and documents are archived per page version.
ARCHIVE_MAX_FILES_PER_PAGE = 200
