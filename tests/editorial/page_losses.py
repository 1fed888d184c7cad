"""Pages that use other pages, and the page listing's bulk action addresses, for the
tests of what live pages lose when pages are deleted or unpublished (core/usage.py)."""

import json

from django.urls import reverse

from pages.factories import TopicPageFactory


def bulk_action_url(action, *pages):
    """The page listing's bulk ``action`` ("delete", "unpublish") for ``pages``."""
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=("wagtailcore", "page", action)) + "?" + ids


def live(page):
    """``page``, published."""
    page.save_revision().publish()
    return page


def showing(parent, title, *pages, published=True):
    """A topic page showing each of ``pages`` in a conference block, live or a draft."""
    body = [{"type": "conference", "value": {"conference": page.pk}} for page in pages]
    topic = TopicPageFactory(parent=parent, title=title, body=json.dumps(body), live=published)
    if not published:
        topic.save_revision()
        return topic
    return live(topic)


def linking(parent, title, *pages):
    """A live topic page linking to each of ``pages`` in its rich text."""
    links = "".join(f'<a linktype="page" id="{page.pk}">{page.title}</a> ' for page in pages)
    body = [{"type": "text", "value": {"text": f"<p>{links}</p>"}}]
    return live(TopicPageFactory(parent=parent, title=title, body=json.dumps(body)))
