"""Private pages and private documents stay out of the machine-readable surfaces: the
sitemap, the Atom feed, the calendar feed and its files, search (titles and the text
inside documents), and there is no public API that could list them."""

from django.urls import reverse

from tests.security.privacy.private_site import (
    DOCUMENT_ONLY_PHRASE,
    SECRET,
    assert_no_secrets,
    get_text,
)

# Machine-readable surfaces -----------------------------------------------------------


def test_private_pages_are_absent_from_the_sitemap(client, site):
    xml = get_text(client, "/sitemap.xml")

    assert site.public_topic.get_full_url() in xml
    assert_no_secrets(xml, site, "the sitemap")


def test_private_pages_are_absent_from_the_atom_feed(client, site):
    url = reverse("new_publications_feed")

    xml = get_text(client, url)

    assert "Öppen strategi" in xml
    assert_no_secrets(xml, site, "the Atom feed")


def test_private_conferences_are_absent_from_the_calendar_feed(client, site):
    url = reverse("events:upcoming_ics")

    ics = get_text(client, url)

    assert "Öppen konferens" in ics
    assert SECRET not in ics
    assert f"conference-{site.private_conference.pk}@" not in ics


def test_calendar_file_of_a_private_conference_cannot_be_fetched_by_its_number(client, site):
    public = client.get(reverse("events:conference_ics", args=[site.public_conference.pk]))
    private = client.get(reverse("events:conference_ics", args=[site.private_conference.pk]))

    assert public.status_code == 200
    assert private.status_code == 404
    assert SECRET not in private.content.decode()


def test_search_finds_no_private_page(client, site):
    url = reverse("search")

    html = get_text(client, url, q=SECRET)

    assert_no_secrets(html, site, "search results")


def test_search_does_not_reveal_a_private_document_through_its_text(client, site):
    url = reverse("search")

    html = get_text(client, url, q=DOCUMENT_ONLY_PHRASE)

    assert_no_secrets(html, site, "search results")
    assert site.page_listing_document.url not in html


def test_search_still_finds_public_pages(client, site):
    """Guards the two tests above against a search that finds nothing at all."""
    url = reverse("search")

    html = get_text(client, url, q="Öppet ämne")

    assert site.public_topic.url in html


def test_there_is_no_public_api_that_could_list_private_pages(client, site):
    for url in ("/api/v2/pages/", "/api/v2/documents/", "/api/pages/"):
        response = client.get(url)

        assert response.status_code == 404, url
        assert f"{SECRET} " not in response.content.decode()


def test_the_admin_api_is_closed_to_visitors(client, site):
    response = client.get("/admin/api/main/pages/")

    assert response.status_code in (302, 403)
    assert f"{SECRET} " not in response.content.decode()
