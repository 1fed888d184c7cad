"""Unpublishing says, like deleting, which live pages lose something and what: visitors
are shown no page that is not live (core/privacy.may_see_page), so a conference block,
a featured topic or a rich-text link to an unpublished page disappears as if the page
were deleted. On the single page unpublish and the page listing's bulk "Avpublicera":
one list for the pages going offline, another for when their subpages go too; pages
going offline and drafts are not listed; the queries do not grow with the selection."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from core.usage import live_pages_losing_unpublished
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import TopicPageFactory
from pages.models import HomePageFeaturedTopic

from .page_losses import bulk_action_url, linking, live, showing

WARNING = "Publicerade sidor tappar detta när du avpublicerar"
WITH_SUBPAGES = "Om du också avpublicerar undersidorna"


def single(client, page):
    response = client.get(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    assert response.status_code == 200
    return response


def bulk_url(*pages):
    return bulk_action_url("unpublish", *pages)


def bulk(client, *pages):
    response = client.get(bulk_url(*pages))
    assert response.status_code == 200
    return response


def titles(losses):
    return {loss.page.title for loss in losses}


def test_unpublishing_a_page_names_the_live_pages_showing_it(admin_client, home, conference):
    showing(home, "Smart specialisering", conference)
    showing(home, "Utkast", conference, published=False)

    response = single(admin_client, conference)

    assert titles(response.context["unpublish_losses"]) == {"Smart specialisering"}
    html = response.content.decode()
    assert WARNING in html
    assert "Smart specialisering" in html
    assert WITH_SUBPAGES not in html


def test_unpublishing_a_section_says_what_more_goes_with_its_subpages(admin_client, home):
    section = live(ConferenceIndexPageFactory(parent=home, title="Konferenser"))
    conference = live(ConferencePageFactory(parent=section, title="Konferens i Luleå"))
    linking(home, "Länkar till avsnittet", section)
    showing(home, "Visar konferensen", conference)
    # A subpage stays live unless the subpages go too: then it no longer counts.
    linking(section, "Undersida som länkar", section)

    response = single(admin_client, section)

    assert titles(response.context["unpublish_losses"]) == {
        "Länkar till avsnittet",
        "Undersida som länkar",
    }
    assert titles(response.context["unpublish_losses_with_subpages"]) == {
        "Länkar till avsnittet",
        "Visar konferensen",
    }
    html = response.content.decode()
    assert WARNING in html and WITH_SUBPAGES in html


def test_unpublishing_an_unused_page_warns_of_nothing(admin_client, home, conference):
    response = single(admin_client, conference)

    assert response.context["unpublish_losses"] == []
    assert "Publicerade sidor tappar" not in response.content.decode()


def test_bulk_unpublish_names_the_losers_of_the_whole_selection_once(admin_client, home):
    index = live(ConferenceIndexPageFactory(parent=home))
    first = live(ConferencePageFactory(parent=index, title="Konferens i Luleå"))
    second = live(ConferencePageFactory(parent=index, title="Konferens i Umeå"))
    featured = live(TopicPageFactory(parent=home, title="Regional kapacitet"))
    HomePageFeaturedTopic.objects.create(home=home, page=featured)
    live(home)
    showing(home, "Smart specialisering", first)
    linking(home, "Nyheter", second)
    showing(home, "Utkast", first, second, published=False)
    selected_shower = showing(home, "Vald sida", first, second)

    response = bulk(admin_client, first, second, featured, selected_shower)

    assert titles(response.context["unpublish_losses"]) == {
        "Smart specialisering",
        "Nyheter",
        home.title,
    }
    assert response.content.decode().count(WARNING) == 1


def test_bulk_unpublish_of_a_selection_nothing_uses_is_plain(admin_client, home):
    pages = [live(TopicPageFactory(parent=home, title=f"Sida {n}")) for n in range(3)]
    showing(home, "Utkast", *pages, published=False)

    response = bulk(admin_client, *pages)

    assert response.context["unpublish_losses"] == []
    assert "Publicerade sidor tappar" not in response.content.decode()


def test_an_editor_who_may_not_unpublish_gets_no_list(redaktor_client, home, conference):
    showing(home, "Smart specialisering", conference)

    response = bulk(redaktor_client, conference)

    assert response.context["items"] == []
    assert "Publicerade sidor tappar" not in response.content.decode()
    single_response = redaktor_client.get(
        reverse("wagtailadmin_pages:unpublish", args=(conference.pk,))
    )
    assert single_response.status_code == 302  # Wagtail's "permission denied" redirect


def test_confirmed_unpublish_still_unpublishes(admin_client, home, conference):
    other = live(TopicPageFactory(parent=home, title="Annan sida"))
    showing(home, "Smart specialisering", conference, other)

    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=(conference.pk,)))
    admin_client.post(bulk_url(other))

    assert not Page.objects.filter(pk__in=[conference.pk, other.pk], live=True).exists()


def test_finding_the_losers_costs_the_same_for_2_or_10_selected_pages(
    home, django_assert_max_num_queries
):
    pages = []
    for n in range(10):
        page = live(TopicPageFactory(parent=home, title=f"Sida {n}"))
        live(TopicPageFactory(parent=page, title=f"Undersida {n}"))
        pages.append(page)
    linking(home, "Länkar", pages[0], pages[1])
    two = [Page.objects.get(pk=page.pk) for page in pages[:2]]
    ten = [Page.objects.get(pk=page.pk) for page in pages]

    with CaptureQueriesContext(connection) as for_two:
        found_for_two = live_pages_losing_unpublished(two, subpages=True)
    with django_assert_max_num_queries(len(for_two.captured_queries)):
        found_for_ten = live_pages_losing_unpublished(ten, subpages=True)

    assert titles(found_for_two) == titles(found_for_ten) == {"Länkar"}


def test_bulk_unpublish_asks_about_subpages_in_swedish_and_takes_them(admin_client, home):
    section = live(TopicPageFactory(parent=home, title="Avsnitt"))
    subpage = live(TopicPageFactory(parent=section, title="Undersida"))

    html = bulk(admin_client, section).content.decode()

    assert "Avpublicera även undersidorna" in html
    assert "Include descendants" not in html
    admin_client.post(bulk_url(section), {"include_descendants": "on"})
    assert not Page.objects.filter(pk__in=[section.pk, subpage.pk], live=True).exists()
