"""Settings of the site's own apps (README: map of the code), one block per app."""

import os

from .environment import env_bool

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
# Seconds one visitor's answers on one page count as one vote (page_feedback/votes.py):
# a day covers a visit and a return to the page, and nothing about the visitor (a keyed
# hash of address and browser, in the shared cache) is kept longer.
PAGE_FEEDBACK_VOTE_WINDOW = int(os.environ.get("PAGE_FEEDBACK_VOTE_WINDOW", str(24 * 60 * 60)))
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
# Web archive (archive/, docs/archive.md): every published version of a page is kept.
# The public "as published on <date>" view (/webbarkiv/<id>/) is off unless switched on.
ARCHIVE_PUBLIC_VIEW = env_bool("ARCHIVE_PUBLIC_VIEW", False)
# Retention (gallring): days each page type's versions are kept, e.g.
# {"events.ConferencePage": 3650}; a page type not named is kept forever.
ARCHIVE_RETENTION_DAYS = {}
# At most this many stylesheets, images and documents are archived per page version.
ARCHIVE_MAX_FILES_PER_PAGE = 200
