"""A move (or a new slug) changes the address of every page below: the archive records the
whole subtree at its new addresses, and Wagtail's redirects lead from the old ones."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from archive import signals
from archive.models import Snapshot
from pages.factories import TopicPageFactory

from .conftest import publish


@pytest.fixture
def section(home):
    topics = TopicPageFactory(parent=home, title="Ämnesområden", slug="amnen")
    section = TopicPageFactory(parent=topics, title="Regional kapacitet", slug="regional")
    child = TopicPageFactory(parent=section, title="Smart specialisering", slug="smart")
    grandchild = TopicPageFactory(parent=child, title="Luleå", slug="lulea")
    draft = TopicPageFactory(parent=section, title="Utkast", slug="utkast", live=False)
    elsewhere = TopicPageFactory(parent=home, title="Tidigare", slug="tidigare")
    return {
        "section": section,
        "child": child,
        "grandchild": grandchild,
        "draft": draft,
        "elsewhere": elsewhere,
    }


def test_moving_a_section_archives_every_live_page_below_at_its_new_address(section, publisher):
    section["section"].move(section["elsewhere"], pos="last-child", user=publisher)

    moved = {snapshot.page_key: snapshot for snapshot in Snapshot.objects.all()}
    child, grandchild = moved[section["child"].pk], moved[section["grandchild"].pk]
    assert child.url == "http://testserver/tidigare/regional/smart/"
    assert grandchild.url == "http://testserver/tidigare/regional/smart/lulea/"
    for snapshot in (child, grandchild):
        assert snapshot.action == Snapshot.Action.MOVE
        assert snapshot.status_code == 200
        assert snapshot.user == publisher
        assert "Regional kapacitet" in snapshot.change_note
    assert "Luleå" in grandchild.body.read().decode()
    # The moved page itself once, and no snapshot of a page visitors cannot open.
    assert moved[section["section"].pk].url == "http://testserver/tidigare/regional/"
    assert Snapshot.objects.count() == 3
    assert section["draft"].pk not in moved


def test_the_old_addresses_of_the_whole_subtree_redirect_to_the_new_ones(section, publisher):
    section["section"].move(section["elsewhere"], pos="last-child", user=publisher)

    response = Client().get("/amnen/regional/smart/lulea/")

    assert response.status_code == 301
    assert response["Location"].endswith("/tidigare/regional/smart/lulea/")


def test_a_new_slug_archives_the_pages_below_at_their_new_addresses(section, publisher):
    publish(section["section"], publisher)  # archived at /amnen/regional/

    publish(section["section"], publisher, slug="kapacitet")

    latest_child = Snapshot.objects.filter(page_key=section["child"].pk).get()
    assert latest_child.url == "http://testserver/amnen/kapacitet/smart/"
    assert latest_child.action == Snapshot.Action.MOVE
    assert Snapshot.objects.filter(page_key=section["grandchild"].pk).exists()


def test_republishing_at_the_same_address_archives_only_the_page(section, publisher):
    publish(section["section"], publisher)
    publish(section["section"], publisher, title="Regional kapacitet och tillväxt")

    assert set(Snapshot.objects.values_list("page_key", flat=True)) == {section["section"].pk}


@pytest.mark.parametrize("extra_children", [0, 4])
def test_the_subtree_is_read_in_one_query_whatever_its_size(
    section, publisher, monkeypatch, extra_children
):
    for number in range(extra_children):
        TopicPageFactory(parent=section["child"], title=f"Extra {number}")
    captured = []
    monkeypatch.setattr(
        signals, "capture_page", lambda page, *args, **kwargs: captured.append(page.pk)
    )
    page = Page.objects.get(pk=section["section"].pk)
    entry = type("Entry", (), {"timestamp": None, "action": "wagtail.move"})()

    with CaptureQueriesContext(connection) as queries:
        signals.archive_subtree(page, entry, publisher)

    page_queries = [query for query in queries if "wagtailcore_page" in query["sql"]]
    assert len(page_queries) == 1
    assert len(captured) == 2 + extra_children
