"""External addresses in live pages: rich text links and external-link blocks."""

import json
import re

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

# An http(s) address inside rich text (href="…") or a block's JSON value.
URL_PATTERN = re.compile(r"https?://[^\s\"'<>\\]+", re.IGNORECASE)


def _text_fields(model):
    return [f for f in model._meta.get_fields() if isinstance(f, (RichTextField, StreamField))]


def live_page_texts():
    """(page, [text]) for every live page: its rich text fields, and its StreamFields as
    JSON (rich text blocks and URL blocks inside). One query per page type."""
    for page in Page.objects.live().specific().iterator():
        texts = []
        for field in _text_fields(type(page)):
            value = getattr(page, field.name)
            if isinstance(field, StreamField):
                texts.append(json.dumps(list(value.raw_data), ensure_ascii=False, default=str))
            elif value:
                texts.append(value)
        yield page, texts


def external_urls_by_page(site_hosts=()):
    """{page_id: {url, ...}} for every live page. Links to the site's own hosts
    (``site_hosts``: host names) are internal and left out."""
    found = {}
    for page, texts in live_page_texts():
        urls = {match.rstrip(".,;)") for text in texts for match in URL_PATTERN.findall(text)}
        urls = {url for url in urls if _host(url) not in site_hosts}
        if urls:
            found[page.pk] = urls
    return found


def _host(url):
    return re.sub(r"^https?://", "", url, flags=re.IGNORECASE).split("/")[0].split(":")[0].lower()
