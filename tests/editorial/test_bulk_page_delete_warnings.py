"""The page listing's bulk delete ("Radera" on several selected pages) says, like the
single page delete, which live pages lose something and what (core/usage.py), once for
the whole selection: pages that use a selected page or one of its subpages, never a
draft and never a page deleted with them; a selection nothing uses gets Wagtail's plain
confirmation. Finding them costs the same number of queries for 2 or 10 pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.usage import live_pages_losing_with_subtrees
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import TopicPageFactory
from pages.models import HomePageFeaturedTopic

from .page_losses import bulk_action_url, linking, showing

WARNING = "Publicerade sidor tappar detta när du tar bort"


def bulk_delete_url(*pages):
    return bulk_action_url("delete", *pages)


def confirmation(client, *pages):
    response = client.get(bulk_delete_url(*pages))
    assert response.status_code == 200
    return response.content.decode()


def losers(client, *pages):
    """{losing page title: [what it loses]} as the confirmation lists them."""
    response = client.get(bulk_delete_url(*pages))
    assert response.status_code == 200
    return {loss.page.title: loss.losses for loss in response.context["bulk_delete_losses"]}


def published_conference(parent, title):
    conference = ConferencePageFactory(parent=parent, title=title)
    conference.save_revision().publish()
    return conference


def test_several_selected_pages_name_every_live_page_losing_one_of_them(admin_client, home):
    index = ConferenceIndexPageFactory(parent=home)
    first = published_conference(index, "Konferens i Luleå")
    second = published_conference(index, "Konferens i Umeå")
    featured = TopicPageFactory(parent=home, title="Regional kapacitet")
    HomePageFeaturedTopic.objects.create(home=home, page=featured)
    home.save_revision().publish()
    showing(home, "Smart specialisering", first)
    linking(home, "Nyheter", second)

    found = losers(admin_client, first, second, featured)
    html = confirmation(admin_client, first, second, featured)

    assert set(found) == {"Smart specialisering", "Nyheter", home.title}
    assert found[home.title] == ["Utvalt ämne → Ämnessida"]
    assert html.count(WARNING) == 1
    assert "Nyheter" in html and "Smart specialisering" in html


def test_drafts_and_pages_deleted_with_the_selection_are_not_listed(admin_client, home):
    index = ConferenceIndexPageFactory(parent=home)
    conference = published_conference(index, "Konferens i Luleå")
    other = published_conference(index, "Konferens i Umeå")
    showing(home, "Utkast som visar konferensen", conference, published=False)
    selected_shower = showing(home, "Vald sida som visar konferensen", conference)
    # A subpage of a selected page, showing the other selected conference.
    section = TopicPageFactory(parent=home, title="Avsnitt")
    section.save_revision().publish()
    showing(section, "Undersida som visar konferensen", other)
    outside = showing(home, "Sida utanför urvalet", other)

    found = losers(admin_client, conference, other, selected_shower, section)

    assert set(found) == {outside.title}


def test_a_live_page_using_a_subpage_of_a_selected_page_is_listed(admin_client, home):
    index = ConferenceIndexPageFactory(parent=home, title="Konferenser")
    index.save_revision().publish()
    conference = published_conference(index, "Konferens i Luleå")
    unused = TopicPageFactory(parent=home, title="Oanvänd sida")
    showing(home, "Smart specialisering", conference)

    html = confirmation(admin_client, index, unused)

    assert WARNING in html
    assert "Smart specialisering" in html


def test_a_selection_nothing_uses_gets_the_plain_confirmation(admin_client, home):
    pages = [TopicPageFactory(parent=home, title=f"Sida {n}") for n in range(3)]
    # Used only by each other and by a draft: nothing a visitor sees.
    showing(home, "Utkast", *pages, published=False)
    linking(pages[0], "Undersida", pages[1], pages[2])

    response = admin_client.get(bulk_delete_url(*pages))

    assert response.status_code == 200
    assert response.context["bulk_delete_losses"] == []
    html = response.content.decode()
    assert "Publicerade sidor tappar" not in html
    assert all(page.title in html for page in pages)


def test_only_the_pages_the_editor_may_delete_count(redaktor_client, home):
    """A redaktör may delete only their own pages that were never published (Wagtail's
    rule for "add" without "delete"); what the others would take is not listed."""
    live_page = TopicPageFactory(parent=home, title="Publicerad sida")
    live_page.save_revision().publish()
    own_draft = TopicPageFactory(
        parent=home, title="Eget utkast", live=False, owner=redaktor_client.user
    )
    linking(home, "Länkar till utkastet", own_draft)
    showing(home, "Visar den publicerade", live_page)

    response = redaktor_client.get(bulk_delete_url(live_page, own_draft))

    assert response.status_code == 200
    assert [entry["item"].pk for entry in response.context["items"]] == [own_draft.pk]
    assert [page["item"].pk for page in response.context["items_with_no_access"]] == [live_page.pk]
    found = {loss.page.title for loss in response.context["bulk_delete_losses"]}
    assert found == {"Länkar till utkastet"}


def test_an_editor_who_may_delete_none_of_them_gets_no_list(redaktor_client, home, conference):
    showing(home, "Smart specialisering", conference)

    response = redaktor_client.get(bulk_delete_url(conference, conference.get_parent()))

    assert response.status_code == 200
    assert response.context["items"] == []
    assert "Publicerade sidor tappar" not in response.content.decode()


def test_confirmed_bulk_delete_still_deletes(admin_client, home, conference):
    showing(home, "Smart specialisering", conference)
    index = conference.get_parent()

    response = admin_client.post(bulk_delete_url(index))

    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[index.pk, conference.pk]).exists()


def test_finding_the_losers_costs_the_same_for_2_or_10_selected_pages(
    home, django_assert_max_num_queries
):
    pages = []
    for n in range(10):
        page = TopicPageFactory(parent=home, title=f"Sida {n}")
        page.save_revision().publish()
        # A subpage each: the subtrees grow with the selection too.
        TopicPageFactory(parent=page, title=f"Undersida {n}")
        pages.append(page)
    linking(home, "Länkar", pages[0], pages[1])
    two = [Page.objects.get(pk=page.pk) for page in pages[:2]]
    ten = [Page.objects.get(pk=page.pk) for page in pages]

    with CaptureQueriesContext(connection) as for_two:
        found_for_two = live_pages_losing_with_subtrees(two)
    with django_assert_max_num_queries(len(for_two.captured_queries)):
        found_for_ten = live_pages_losing_with_subtrees(ten)

    assert [loss.page.title for loss in found_for_two] == ["Länkar"]
    assert [loss.page.title for loss in found_for_ten] == ["Länkar"]
