"""Capture what an anonymous visitor gets for a page: HTML, stylesheets, images, documents.

The page is requested through Django's whole request handler, with every
middleware of the live site (security headers, CSP, cache headers, redirects), as a
visitor without a session would: no cookie, the site's language and time zone, the
Host of the page's Wagtail Site. Each file the page uses is then requested the same
way, so a document a visitor could not download is not archived as if they could.
The requests run on the current database connection, inside the publishing
transaction: the snapshot is saved together with the publish, or not at all.
"""

import hashlib
import logging
import mimetypes
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test.client import Client
from django.urls import reverse
from django.utils import timezone, translation

from . import html as markup
from .blobs import store_many
from .models import Snapshot, SnapshotResource

logger = logging.getLogger(__name__)

# Headers that belong to one visitor, not to what was published.
PRIVATE_HEADERS = {"set-cookie"}


def max_files():
    return getattr(settings, "ARCHIVE_MAX_FILES_PER_PAGE", 200)


class _Visitor:
    """An anonymous browser for one site (scheme and host of ``url``, any of its URLs)."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.host = parts.netloc
        self.secure = parts.scheme == "https"
        self.client = Client(raise_request_exception=False, HTTP_HOST=self.host)
        self.extra = {}
        proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if self.secure and proxy_header:
            # Behind the TLS-terminating proxy, as every visitor's request arrives.
            self.extra[proxy_header[0]] = proxy_header[1]

    def same_site(self, absolute_url):
        return absolute_url.startswith(self.origin + "/")

    def get(self, absolute_url):
        """(status, [[name, value]], body bytes) of a GET for a URL of this site."""
        parts = urlsplit(absolute_url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        with translation.override(settings.LANGUAGE_CODE), timezone.override(None):
            response = self.client.get(path, secure=self.secure, **self.extra)
        # The test client closes the response itself (a streamed one once read to the
        # end), with Django's close_old_connections unhooked: closing it here again
        # would close the database connection in the middle of the publish.
        body = b"".join(response.streaming_content) if response.streaming else response.content
        headers = [
            [name, value] for name, value in response.items() if name.lower() not in PRIVATE_HEADERS
        ]
        return response.status_code, headers, body


def _is_document_url(url):
    path = urlsplit(url).path
    documents_prefix = reverse("wagtaildocs_serve", args=(0, "x")).split("0/x")[0]
    return path.startswith(documents_prefix) or (
        path.startswith(settings.MEDIA_URL) and not path.startswith(settings.MEDIA_URL + "images/")
    )


def capture_page(page, action, *, user=None, revision_id=None, change_note="", when=None):
    """Archive what an anonymous visitor gets for ``page`` now; return the Snapshot.

    ``action`` is a :class:`Snapshot.Action` value; ``user`` who published (or None
    for the scheduler), ``revision_id`` the published revision, ``change_note`` the
    note that went with it, ``when`` the moment (default now). Returns None when the
    page has no address on any site.
    """
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    url_parts = page.get_url_parts()
    if url_parts is None:
        return None
    _site_id, root_url, page_path = url_parts
    page_url = urljoin(root_url + "/", page_path.lstrip("/"))
    return capture_address(
        page_url,
        action,
        page_key=page.pk,
        page_type=page._meta.label,
        title=page.title,
        user=user,
        revision_id=revision_id,
        change_note=change_note,
        when=when,
    )


def capture_address(page_url, action, *, page_key, page_type, title, **details):
    """Archive what an anonymous visitor gets at ``page_url`` (absolute) now, as a
    version of the page ``page_key`` (also one that no longer exists: a deleted page's
    address); ``details`` as ``capture_page``'s keywords. Returns the Snapshot."""
    user, when = details.get("user"), details.get("when")
    visitor = _Visitor(page_url)
    status, headers, body = visitor.get(page_url)

    files = []
    if status == 200 and "html" in dict(headers).get("Content-Type", ""):
        files = _fetch_files(visitor, page_url, body.decode("utf-8", "replace"))

    blobs = store_many([body] + [content for *_rest, content in files])
    snapshot = Snapshot.objects.create(
        page_id=page_key if action != Snapshot.Action.DELETE else None,
        page_key=page_key,
        page_type=page_type,
        title=title[:255],
        url=page_url,
        action=action,
        captured_at=when or timezone.now(),
        revision_key=details.get("revision_id"),
        user=user,
        user_name=(user.get_full_name() or user.get_username()) if user else "",
        change_note=details.get("change_note") or "",
        status_code=status,
        headers=headers,
        body=blobs[_sha(body)],
    )
    SnapshotResource.objects.bulk_create(
        SnapshotResource(
            snapshot=snapshot,
            kind=kind,
            url=url,
            status_code=file_status,
            headers=file_headers,
            blob=blobs[_sha(content)],
        )
        for kind, url, file_status, file_headers, content in files
    )
    logger.info("Archived %s (%s) as snapshot %s", page_url, action, snapshot.pk)
    return snapshot


def _sha(data):
    return hashlib.sha256(data).hexdigest()


def _fetch_files(visitor, page_url, page_html):
    """[(kind, absolute url, status, headers, bytes)] of the files the page uses that
    visitors could fetch (200), at most ARCHIVE_MAX_FILES_PER_PAGE."""
    wanted = [
        (kind, urljoin(page_url, url))
        for kind, url in markup.linked_files(page_html, _is_document_url)
    ]
    fetched, seen = [], set()
    while wanted and len(fetched) < max_files():
        kind, url = wanted.pop(0)
        url = url.split("#")[0]
        if url in seen or not visitor.same_site(url):
            continue
        seen.add(url)
        status, headers, content = visitor.get(url)
        if status == 404:
            status, headers, content = _static_file(url) or (status, headers, content)
        if status != 200:
            logger.warning("Not archived (HTTP %s): %s", status, url)
            continue
        fetched.append((kind, url, status, headers, content))
        if kind == markup.STYLESHEET:
            css = content.decode("utf-8", "replace")
            wanted.extend((markup.ASSET, urljoin(url, ref)) for ref in markup.css_urls(css))
    return fetched


def _static_file(url):
    """(200, headers, bytes) of a static file the web server in front serves instead of
    Django (nginx, or no collectstatic where WhiteNoise would), or None."""
    path = urlsplit(url).path
    if not path.startswith(settings.STATIC_URL):
        return None
    name = path[len(settings.STATIC_URL) :]
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name, "rb") as handle:
            content = handle.read()
    else:
        found = finders.find(name)
        if not found:
            return None
        with open(found, "rb") as handle:
            content = handle.read()
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type == "image/svg+xml":
        content_type += "; charset=utf-8"
    return 200, [["Content-Type", content_type], ["Content-Length", str(len(content))]], content
