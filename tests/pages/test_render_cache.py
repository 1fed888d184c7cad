"""The render cache (pages/render_cache.py): a page's head, header, content and footer are
rendered once and kept in the shared cache, and whatever a page shows changing renders
it afresh on the next request."""

import re

from contacts.factories import ContactPersonFactory
from documents.factories import DocumentFactory
from feedback.factories import FeedbackFormPageFactory
from pages.factories import TopicPageFactory
from tests.pages.test_query_counts import body


def html(client, page, **extra):
    return client.get(page.url, **extra).content.decode()


def test_a_page_is_rendered_once_and_served_from_the_cache(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    topic = TopicPageFactory(parent=home, title="Regional utveckling", introduction="Före.")
    client.get(topic.url)
    # Changed behind Wagtail's back (no signal, no new revision): still the kept render.
    type(topic).objects.filter(pk=topic.pk).update(introduction="Ändrat i smyg.")
    with CaptureQueriesContext(connection) as queries:
        again = html(client, topic)

    assert "Före." in again
    assert "Ändrat i smyg." not in again
    assert len(queries) <= 2


def test_a_published_change_shows_on_the_next_request(client, home):
    topic = TopicPageFactory(parent=home, title="Regional utveckling", introduction="Före.")
    assert "Före." in html(client, topic)

    topic.introduction = "Efter."
    topic.save_revision().publish()

    assert "Efter." in html(client, topic)


def test_a_renamed_document_or_contact_shows_on_the_pages_that_show_it(client, home):
    document = DocumentFactory(title="Gammal rapport")
    contact = ContactPersonFactory(name="Anna Andersson")
    topic = TopicPageFactory(parent=home, body=body([document]), contact=contact)
    first = html(client, topic)
    assert "Gammal rapport" in first and "Anna Andersson" in first

    document.title = "Ny rapport"
    document.save()
    assert "Ny rapport" in html(client, topic)

    contact.name = "Berit Berg"
    contact.save()
    if hasattr(contact, "save_revision"):
        contact.save_revision().publish()
    assert "Berit Berg" in html(client, topic)


def test_a_new_sibling_in_the_menu_shows_on_every_page(client, home):
    topic = TopicPageFactory(parent=home, title="Regional utveckling", show_in_menus=True)
    html(client, topic)

    TopicPageFactory(parent=home, title="Landsbygd", show_in_menus=True)

    assert "Landsbygd" in html(client, topic)


def test_a_form_page_gives_every_visitor_a_token_that_sends_and_no_cookie(client, home):
    from django.test import Client

    feedback = FeedbackFormPageFactory(parent=home, contact=ContactPersonFactory())
    for remote_addr in ("192.0.2.1", "192.0.2.2"):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(feedback.url)
        assert not response.cookies
        token = re.search(r'name="form_token" value="([^"]+)"', response.content.decode())[1]
        sent = visitor.post(
            feedback.url, {"form_token": token, "synpunkter": "Bra."}, REMOTE_ADDR=remote_addr
        )
        assert "Tack för dina synpunkter!" in sent.content.decode()


def stored_fragments(monkeypatch):
    from core import render_cache

    stored = []
    original = render_cache.store

    def store(key, html, request):
        stored.append(key.split(":")[4])
        return original(key, html, request)

    monkeypatch.setattr(render_cache, "store", store)
    return stored


def test_a_query_string_renders_afresh(client, home, monkeypatch):
    topic = TopicPageFactory(parent=home, introduction="Före.")
    stored = stored_fragments(monkeypatch)

    client.get(topic.url, {"utm_source": "nyhetsbrev"})
    assert stored == []
    client.get(topic.url)
    assert sorted(stored) == ["footer", "head", "header", "main"]


def test_an_editor_never_fills_the_visitors_copy(admin_client, client, home, monkeypatch):
    topic = TopicPageFactory(parent=home, introduction="Före.")
    stored = stored_fragments(monkeypatch)

    admin_client.get(topic.url)
    assert stored == []
