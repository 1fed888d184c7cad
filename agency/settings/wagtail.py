"""Wagtail: the admin, documents, images, search and embeds."""

import os

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
        # English pages are indexed and searched (when the visitor reads English) with
        # PostgreSQL's English stemming as well (search/backend.py).
        "LANGUAGE_SEARCH_CONFIGS": {"en": "english"},
    }
}

WAGTAILEMBEDS_RESPONSIVE_HTML = True

# The password pages of a protected page and of a document in a password collection, in
# the site's layout and language (templates/core/password_required.html).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"
