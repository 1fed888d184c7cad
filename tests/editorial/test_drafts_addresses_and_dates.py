"""Issue 9, editors: abandoned drafts are findable, web addresses are ASCII, dates show
their format and keep their value."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from events.factories import ConferencePageFactory
from events.models import ConferencePage
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory

from .admin_actions import add_conference, conference_form

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
TITLE = "Umeå – Öppna data för Ägare"


def section(html, panel_id):
    start = html.index(f'id="{panel_id}-section"')
    return html[start : html.index("</section>", start)]


def autosave_new_conference(client, parent, title, slug):
    """What the browser sends a moment after a title is typed on a new page."""
    response = add_conference(client, parent, conference_form(title, slug, []), **JSON)
    assert response.status_code == 200, response.content
    assert response.json()["success"] is True
    return ConferencePage.objects.get(pk=response.json()["pk"])


# Abandoned drafts -----------------------------------------------------------------------


def test_an_autosaved_new_page_is_listed_under_dina_utkast_with_a_link(
    conference_index, redaktor_client
):
    draft = autosave_new_conference(redaktor_client, conference_index, "Övergiven", "overgiven")
    assert not draft.live

    html = redaktor_client.get(reverse("wagtailadmin_home")).content.decode()

    mine = section(html, "editorial-my-drafts")
    assert "Övergiven" in mine
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[draft.pk])}"' in mine


def test_a_never_published_page_i_own_is_listed_even_after_someone_else_saved_it(
    conference_index, redaktor_client, granskare_client
):
    draft = autosave_new_conference(redaktor_client, conference_index, "Påbörjad", "paborjad")
    draft.save_revision(user=granskare_client.user)

    html = redaktor_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Påbörjad" in section(html, "editorial-my-drafts")


@pytest.mark.parametrize(
    "title,slug",
    [(TITLE, "umea-oppna-data-for-agare"), ("Smart specialisering", "smart-specialisering")],
)
def test_starting_again_with_the_same_title_explains_the_taken_address_and_links_the_draft(
    conference_index, redaktor_client, title, slug
):
    abandoned = autosave_new_conference(redaktor_client, conference_index, title, slug)

    response = add_conference(redaktor_client, conference_index, conference_form(title, slug, []))

    assert response.status_code == 200
    html = response.content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[abandoned.pk])
    assert f'<a href="{edit_url}">' in html
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    assert f"Webbadressen ”{slug}” används redan av sidan ”{title}”" in text
    assert "utkast som aldrig har publicerats" in text
    assert ConferencePage.objects.filter(slug=slug).count() == 1


def test_a_taken_address_of_a_published_page_says_so(conference_index, redaktor_client):
    ConferencePageFactory(parent=conference_index, title="Live", slug="live")

    response = add_conference(redaktor_client, conference_index, conference_form("Ny", "live", []))

    assert "(publicerad)" in unescape(response.content.decode())


# ASCII web addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title,slug",
    [
        (TITLE, "umea-oppna-data-for-agare"),
        ("Östersund & Gällivare: tillväxt", "ostersund-gallivare-tillvaxt"),
    ],
)
def test_a_page_saved_without_a_slug_gets_an_ascii_one_from_its_title(
    conference_index, title, slug
):
    """Wagtail fills in a missing slug when a page is saved (imports, scripts, the API)."""
    start = datetime.datetime(2030, 3, 5, 9, 30, tzinfo=datetime.UTC)
    page = ConferencePage(title=title, start=start, end=start, venue="", city="Umeå")
    conference_index.add_child(instance=page)

    assert ConferencePage.objects.get(pk=page.pk).slug == slug


@pytest.mark.parametrize(
    "typed,stored", [("umeå", "umea"), ("öppna-data-för-ägare", "oppna-data-for-agare")]
)
def test_a_typed_non_ascii_slug_is_saved_in_ascii(conference_index, redaktor_client, typed, stored):
    response = add_conference(redaktor_client, conference_index, conference_form("Umeå", typed, []))

    assert response.status_code == 302, response.content
    assert ConferencePage.objects.get(title="Umeå").slug == stored


def test_slug_input_is_told_to_make_ascii_addresses(conference_index, redaktor_client):
    url = reverse("wagtailadmin_pages:add", args=("events", "conferencepage", conference_index.pk))
    html = redaktor_client.get(url).content.decode()

    # Wagtail's slug widget renders the attribute only when Unicode is allowed; its
    # browser script then keeps å, ä, ö instead of writing a, a, o.
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    assert 'data-controller="w-slug"' in slug_input
    assert "data-w-slug-allow-unicode-value" not in slug_input


# Dates --------------------------------------------------------------------------------------


def input_tag(html, name):
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)


def test_conference_dates_show_their_format_and_round_trip(conference_index, redaktor_client):
    start = datetime.datetime(2030, 3, 5, 9, 30)
    add_conference(
        redaktor_client, conference_index, conference_form("Datum", "datum", [], start=start)
    )
    page = ConferencePage.objects.get(slug="datum")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    html = redaktor_client.get(edit_url).content.decode()

    for name, value in (("start", "2030-03-05 09:30"), ("end", "2030-03-05 15:30")):
        tag = input_tag(html, name)
        assert f'value="{value}"' in tag
        assert 'placeholder="ÅÅÅÅ-MM-DD tt:mm"' in tag
    assert "Skriv som ÅÅÅÅ-MM-DD tt:mm." in html
    # Publishing schedule (go-live and expiry) too.
    assert 'placeholder="ÅÅÅÅ-MM-DD tt:mm"' in input_tag(html, "go_live_at")
    assert 'placeholder="ÅÅÅÅ-MM-DD tt:mm"' in input_tag(html, "expire_at")

    # Saving the form as it was shown keeps the times.
    form = conference_form("Datum", "datum", [], start=start)
    response = redaktor_client.post(edit_url, form)
    assert response.status_code == 302
    page = ConferencePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert f"{page.start.astimezone():%Y-%m-%d %H:%M}" == "2030-03-05 09:30"


def test_publication_date_shows_its_format_and_value(home, redaktor_client):
    index = StrategyIndexPageFactory(parent=home)
    published = datetime.date(2018, 1, 15)
    strategy = StrategyDocumentPageFactory(parent=index, publication_date=published)
    edit_url = reverse("wagtailadmin_pages:edit", args=[strategy.pk])

    html = redaktor_client.get(edit_url).content.decode()

    tag = input_tag(html, "publication_date")
    assert 'value="2018-01-15"' in tag
    assert 'placeholder="ÅÅÅÅ-MM-DD"' in tag
    assert "Skriv som ÅÅÅÅ-MM-DD." in html
