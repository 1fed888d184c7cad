"""Show an archived snapshot again: its HTML with the archive's own copies of its files.

Used by the archivists' viewer and by the optional public "as published on" view;
each names the URL that serves the copies (``file_url_name``, taking the snapshot's
and the file's ids), and both link the banner to the page as it is now, when live.
The answer carries its own Content Security Policy: no script runs (an archived page
is shown, not run), forms go nowhere, and only the banner's style is allowed inline
(by nonce).
"""

import secrets
from urllib.parse import urljoin

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import html as markup
from .capture import _is_document_url

ARCHIVE_POLICY = (
    "default-src 'self'; script-src 'none'; style-src 'self' 'nonce-{nonce}'; "
    "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def charset_of(content_type):
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip('"')
    return "utf-8"


def _file_url(file_url_name, snapshot_id, resource):
    return reverse(file_url_name, args=(snapshot_id, resource.pk))


def snapshot_response(snapshot, file_url_name):
    """An HttpResponse showing ``snapshot`` with a Swedish "archived copy" banner.

    Each archived file is linked at the URL named ``file_url_name`` (args: the
    snapshot's id, the file's id); the banner links to the page's current address
    while the page is live.
    """
    live_url = snapshot.page.url if snapshot.page and snapshot.page.live else None
    content_type = snapshot.content_type_header
    charset = charset_of(content_type)
    page_html = snapshot.body.read().decode(charset, "replace")
    resources = {resource.url: resource for resource in snapshot.resources.all()}
    replacements = {}
    for _kind, raw in markup.linked_files(page_html, _is_document_url):
        resource = resources.get(urljoin(snapshot.url, raw).split("#")[0])
        if resource is not None:
            replacements[raw] = _file_url(file_url_name, snapshot.pk, resource)
    page_html = markup.rewrite_urls(page_html, replacements)

    nonce = secrets.token_urlsafe(16)
    with translation.override(settings.LANGUAGE_CODE), timezone.override(None):
        banner = render_to_string(
            "archive/banner.html", {"snapshot": snapshot, "nonce": nonce, "live_url": live_url}
        )
    if "html" in content_type:
        page_html = markup.insert_banner(page_html, banner)
    response = HttpResponse(page_html.encode(charset), content_type=content_type)
    response["Content-Security-Policy"] = ARCHIVE_POLICY.format(nonce=nonce)
    response["X-Robots-Tag"] = "noindex"
    return response


def resource_response(resource, file_url_name):
    """An HttpResponse with an archived file's bytes and its original headers.

    Stylesheets get their url(...) references pointed at the archive's copies too,
    at the URL named ``file_url_name`` (as in ``snapshot_response``).
    """
    content = resource.blob.read()
    if resource.kind == markup.STYLESHEET:
        siblings = {other.url: other for other in resource.snapshot.resources.all()}
        css = content.decode("utf-8", "replace")
        replacements = {}
        for ref in markup.css_urls(css):
            sibling = siblings.get(urljoin(resource.url, ref))
            if sibling is not None:
                replacements[ref] = _file_url(file_url_name, resource.snapshot_id, sibling)
        content = markup.rewrite_css(css, replacements).encode("utf-8")
    response = HttpResponse(content, content_type=resource.content_type_header)
    disposition = dict(resource.headers).get("Content-Disposition")
    if disposition:
        response["Content-Disposition"] = disposition
    response["X-Robots-Tag"] = "noindex"
    return response
