"""The render cache (pages/render_cache.py): a page's head, header, content and footer are
rendered once and kept in the shared cache, and whatever a page shows changing renders
it afresh on the next request."""

import re

import pytest

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


# --- The 404 page: one render for every address that finds nothing ---------------------


def not_found(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 404
    return response.content.decode()


def test_a_404_at_another_address_is_served_from_the_first_404s_render(client, home, monkeypatch):
    TopicPageFactory(parent=home, title="Regional utveckling", show_in_menus=True)
    stored = stored_fragments(monkeypatch)

    first = not_found(client, "/finns-inte/")
    assert sorted(stored) == ["footer", "head", "header", "main"]
    stored.clear()
    second = not_found(client, "/finns-inte-heller/")
    third = not_found(client, "/a/b/c/")

    assert stored == []
    assert first == second == third
    assert "Sidan kunde inte hittas" in first and "Regional utveckling" in first


def test_a_published_page_shows_in_the_next_404s_menu(client, home):
    assert "Landsbygd" not in not_found(client, "/finns-inte/")

    TopicPageFactory(parent=home, title="Landsbygd", show_in_menus=True)

    assert "Landsbygd" in not_found(client, "/finns-inte-heller/")


def test_changed_site_settings_show_in_the_next_404(client, home):
    from core.models import SiteSettings

    not_found(client, "/finns-inte/")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.footer_address = "Box 1, 111 11 Stockholm"
    site_settings.save()

    assert "Box 1, 111 11 Stockholm" in not_found(client, "/finns-inte/")


def test_a_404_at_a_files_address_leads_to_the_other_languages_home(client, home):
    # A calendar address (events/urls.py) in English: its Swedish address is a file's
    # too, and as much a 404, so the switcher leads to the Swedish home page
    # (core/i18n.address_in), never to the calendar's address there.
    first = not_found(client, "/en/kalender/konferens-998.ics")
    second = not_found(client, "/en/kalender/konferens-999.ics")

    for html in (first, second):
        assert 'class="language-switcher__link" href="/" lang="sv"' in html
        assert "konferens-99" not in html


def test_an_editor_or_a_visitor_with_a_session_never_fills_the_404s_copy(
    admin_client, home, monkeypatch
):
    from django.test import Client

    stored = stored_fragments(monkeypatch)

    not_found(admin_client, "/finns-inte/")
    with_session = Client()
    with_session.cookies["sessionid"] = "en-session"
    not_found(with_session, "/finns-inte/")
    not_found(Client(), "/finns-inte/?utm_source=nyhetsbrev")

    assert stored == []


@pytest.mark.parametrize("editor_first", [False, True])
def test_a_404_links_a_members_only_page_for_the_editor_only(admin_client, home, editor_first):
    from django.test import Client
    from wagtail.models import PageViewRestriction

    from core.models import SiteSettings

    members = FeedbackFormPageFactory(parent=home, title="Synpunkter", slug="synpunkter")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.feedback_page = members
    site_settings.save()
    visitor, editor = Client(), admin_client

    first, then = (editor, visitor) if editor_first else (visitor, editor)
    pages = {id(first): not_found(first, "/finns-inte/"), id(then): not_found(then, "/a/b/")}

    assert 'href="/synpunkter/"' not in pages[id(visitor)]
    assert 'href="/synpunkter/"' in pages[id(editor)]


def test_a_new_release_of_the_static_files_renders_afresh(client, home, monkeypatch):
    from django.contrib.staticfiles.storage import staticfiles_storage

    topic = TopicPageFactory(parent=home, introduction="Före.")
    html(client, topic)
    stored = stored_fragments(monkeypatch)
    html(client, topic)
    assert stored == []

    # A fragment names static files by their hashed names: a new manifest, new renders.
    monkeypatch.setattr(staticfiles_storage, "manifest_hash", "ny-release", raising=False)
    html(client, topic)

    assert sorted(stored) == ["footer", "head", "header", "main"]


def test_an_address_that_found_nothing_finds_the_page_published_there_next(client, home):
    # A miss is remembered a minute (core/site_cache.py route), in this structure
    # generation only: publishing starts a new one.
    assert client.get("/ny-sida/").status_code == 404

    page = TopicPageFactory(parent=home, title="Ny sida", slug="ny-sida")
    assert client.get("/ny-sida/").status_code == 200

    page.unpublish()
    assert client.get("/ny-sida/").status_code == 404
