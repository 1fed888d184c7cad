"""Private pages and private documents stay private everywhere a visitor could look.

A page restricted to logged-in users or to a group, and a document in a restricted
collection, must not show up in search, the sitemap, the Atom feed, the calendar
feed or any listing, and guessing their URLs (or replaying cache validators) gives
a login redirect, never the content.
"""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.pdf_writer import PdfPage, build_pdf
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import HomePageFeaturedTopic

# Every private title and text carries this word, so one search or substring check
# finds any leak.
SECRET = "Hemlighetsmakeri"
DOCUMENT_ONLY_PHRASE = "konfidentiell budgetram för glesbygdens bredband"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
NEXT_YEAR = datetime.datetime.now(STOCKHOLM).year + 1


def restrict(page, kind, group=None):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if group is not None:
        restriction.groups.add(group)
    return restriction


def private_document(collection):
    document = get_document_model()(title=f"{SECRET} budget", collection=collection)
    pdf = build_pdf(f"{SECRET} budget", "Internt", [PdfPage("Budget", [DOCUMENT_ONLY_PHRASE])])
    document.file.save("budget.pdf", ContentFile(pdf), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


class PrivateSite:
    """A site where each kind of listing holds one public and one private item."""

    def __init__(self, home):
        self.home = home
        self.staff = Group.objects.create(name="Ledningsgruppen")

        self.public_topic = TopicPageFactory(parent=home, title="Öppet ämne", slug="oppet")
        self.login_topic = TopicPageFactory(
            parent=home, title=f"{SECRET} för inloggade", slug="inloggade", show_in_menus=True
        )
        restrict(self.login_topic, PageViewRestriction.LOGIN)
        self.group_subtopic = TopicPageFactory(
            parent=self.public_topic, title=f"{SECRET} i gruppen", slug="gruppen"
        )
        restrict(self.group_subtopic, PageViewRestriction.GROUPS, self.staff)
        self.below_private = TopicPageFactory(
            parent=self.login_topic, title=f"{SECRET} längre ner", slug="langre-ner"
        )
        for order, topic in enumerate((self.public_topic, self.login_topic)):
            HomePageFeaturedTopic.objects.create(home=home, page=topic, sort_order=order)

        self.strategies = StrategyIndexPageFactory(parent=home)
        self.public_strategy = StrategyDocumentPageFactory(
            parent=self.strategies, title="Öppen strategi", publication_date=datetime.date.today()
        )
        self.private_strategy = StrategyDocumentPageFactory(
            parent=self.strategies,
            title=f"{SECRET} strategi",
            slug="intern-strategi",
            publication_date=datetime.date.today(),
        )
        restrict(self.private_strategy, PageViewRestriction.LOGIN)

        self.conferences = ConferenceIndexPageFactory(parent=home)
        start = datetime.datetime(NEXT_YEAR, 3, 10, 9, 0, tzinfo=STOCKHOLM)
        self.public_conference = ConferencePageFactory(
            parent=self.conferences,
            title="Öppen konferens",
            start=start,
            end=start + datetime.timedelta(hours=7),
        )
        self.private_conference = ConferencePageFactory(
            parent=self.conferences,
            title=f"{SECRET} konferens",
            slug="intern-konferens",
            start=start,
            end=start + datetime.timedelta(hours=7),
        )
        restrict(self.private_conference, PageViewRestriction.GROUPS, self.staff)
        # Published through revisions, as editors do, so feeds see a publication date.
        for page in (
            self.public_strategy,
            self.private_strategy,
            self.public_conference,
            self.private_conference,
        ):
            page.save_revision().publish()

        root_collection = Collection.get_first_root_node()
        self.private_collection = root_collection.add_child(name="Interna dokument")
        restriction = CollectionViewRestriction.objects.create(
            collection=self.private_collection,
            restriction_type=CollectionViewRestriction.GROUPS,
        )
        restriction.groups.add(self.staff)
        self.private_document = private_document(self.private_collection)
        # A public page that lists the private document: the page is public, the file is not.
        self.page_listing_document = TopicPageFactory(
            parent=home,
            title="Budgetarbete",
            slug="budget",
            body=json.dumps(
                [
                    {
                        "type": "documents",
                        "value": {"heading": "", "documents": [self.private_document.pk]},
                    }
                ]
            ),
        )

    @property
    def private_pages(self):
        return [
            self.login_topic,
            self.group_subtopic,
            self.below_private,
            self.private_strategy,
            self.private_conference,
        ]


@pytest.fixture
def site(home):
    return PrivateSite(home)


def get_text(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_no_secrets(text, site, where):
    # Every private title is SECRET and a space and more; a search page also echoes
    # the bare word that was searched for, which is no leak.
    assert f"{SECRET} " not in text, f"a private title shows in {where}"
    for page in site.private_pages:
        assert f"/{page.slug}/" not in text, f"{page.slug} is linked from {where}"
    assert site.private_document.url not in text, f"the private document is linked from {where}"


# Listings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "listing",
    [
        "home",
        "public_topic",
        "strategies",
        "conferences",
        "public_strategy",
        "page_listing_document",
    ],
)
def test_private_pages_are_absent_from_every_listing(client, site, listing):
    page = getattr(site, listing)

    html = get_text(client, page.url)

    assert_no_secrets(html, site, page.url)


def test_listings_still_show_the_public_items(client, site):
    """The leak checks above could pass on an empty page; these show the lists are filled."""
    assert "Öppet ämne" in get_text(client, site.home.url)
    assert "Öppen strategi" in get_text(client, site.strategies.url)
    assert "Öppen konferens" in get_text(client, site.conferences.url)
    assert "Öppen konferens" in get_text(client, site.home.url)


def test_members_of_the_group_do_see_the_group_page_in_the_topic_listing(
    client, site, django_user_model
):
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(site.staff)
    client.force_login(member)

    response = client.get(site.group_subtopic.url)

    assert response.status_code == 200
    assert f"{SECRET} i gruppen" in response.content.decode()


def test_a_member_sees_the_private_document_where_the_editor_listed_it(
    client, site, django_user_model
):
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(site.staff)
    client.force_login(member)

    html = get_text(client, site.page_listing_document.url)

    assert site.private_document.url in html
    assert f"{SECRET} budget" in html


def test_a_rich_text_link_to_a_private_document_keeps_its_text_but_not_the_address(client, site):
    page = site.public_topic
    page.body = json.dumps(
        [
            {
                "type": "text",
                "value": {
                    "text": f'<p>Se <a linktype="document" id="{site.private_document.pk}">'
                    "budgeten</a> för detaljer.</p>"
                },
            }
        ]
    )
    page.save_revision().publish()

    html = get_text(client, page.url)

    assert "budgeten" in html
    assert_no_secrets(html, site, "rich text")


def test_a_private_conference_placed_on_a_public_page_is_not_shown(client, site):
    page = site.public_topic
    page.body = json.dumps(
        [
            {
                "type": "conference",
                "value": {"conference": site.private_conference.pk, "show_speakers": True},
            },
            {
                "type": "conference",
                "value": {"conference": site.public_conference.pk, "show_speakers": True},
            },
        ]
    )
    page.save_revision().publish()

    html = get_text(client, page.url)

    assert "Öppen konferens" in html
    assert_no_secrets(html, site, "a conference block")


def test_a_public_strategy_whose_document_is_private_shows_no_download_to_visitors(
    client, site, django_user_model
):
    site.public_strategy.document = site.private_document
    site.public_strategy.save_revision().publish()

    anonymous = get_text(client, site.public_strategy.url)
    listing = get_text(client, site.strategies.url)
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(site.staff)
    client.force_login(member)
    as_member = get_text(client, site.public_strategy.url)

    assert "Öppen strategi" in anonymous
    assert_no_secrets(anonymous, site, "the strategy page")
    assert "Ladda ner strategin" not in anonymous
    assert_no_secrets(listing, site, "the strategy listing")
    assert site.private_document.url in as_member


# Machine-readable surfaces -----------------------------------------------------------


def test_private_pages_are_absent_from_the_sitemap(client, site):
    xml = get_text(client, "/sitemap.xml")

    assert site.public_topic.get_full_url() in xml
    assert_no_secrets(xml, site, "the sitemap")


def route_or_skip(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        pytest.skip(f"the route {name} does not exist yet")


def test_private_pages_are_absent_from_the_atom_feed(client, site):
    url = route_or_skip("new_publications_feed")

    xml = get_text(client, url)

    assert "Öppen strategi" in xml
    assert_no_secrets(xml, site, "the Atom feed")


def test_private_conferences_are_absent_from_the_calendar_feed(client, site):
    url = route_or_skip("events:upcoming_ics")

    ics = get_text(client, url)

    assert "Öppen konferens" in ics
    assert SECRET not in ics
    assert f"conference-{site.private_conference.pk}@" not in ics


def test_calendar_file_of_a_private_conference_cannot_be_fetched_by_its_number(client, site):
    public = client.get(route_or_skip("events:conference_ics", site.public_conference.pk))
    private = client.get(route_or_skip("events:conference_ics", site.private_conference.pk))

    assert public.status_code == 200
    assert private.status_code == 404
    assert SECRET not in private.content.decode()


def test_search_finds_no_private_page(client, site):
    url = route_or_skip("search")

    html = get_text(client, url, q=SECRET)

    assert_no_secrets(html, site, "search results")


def test_search_does_not_reveal_a_private_document_through_its_text(client, site):
    url = route_or_skip("search")

    html = get_text(client, url, q=DOCUMENT_ONLY_PHRASE)

    assert_no_secrets(html, site, "search results")
    assert site.page_listing_document.url not in html


def test_search_still_finds_public_pages(client, site):
    """Guards the two tests above against a search that finds nothing at all."""
    url = route_or_skip("search")

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


# Guessing URLs and replaying cache validators ----------------------------------------


@pytest.mark.parametrize(
    "private", ["login_topic", "group_subtopic", "below_private", "private_conference"]
)
def test_guessing_a_private_page_url_gives_a_login_redirect(client, site, private):
    page = getattr(site, private)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=")
    assert SECRET not in response.content.decode()


def test_a_logged_in_user_outside_the_group_is_not_let_in(client, site, django_user_model):
    outsider = django_user_model.objects.create_user("utomstaende", "u@example.com", "x")
    client.force_login(outsider)

    response = client.get(site.private_conference.url)

    assert response.status_code == 302
    assert SECRET not in response.content.decode()


def test_guessing_a_private_document_url_gives_a_login_redirect_not_the_file(client, site):
    response = client.get(site.private_document.url)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not response.get("Content-Disposition")
    assert b"%PDF" not in response.content


def test_private_document_file_is_not_served_from_the_media_folder(client, site):
    response = client.get(site.private_document.file.url)

    assert response.status_code == 404


def test_group_member_downloads_the_private_document(client, site, django_user_model):
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(site.staff)
    client.force_login(member)

    response = client.get(site.private_document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_cache_validators_do_not_open_a_private_document(client, site):
    etag = f'"{site.private_document.file_hash}"'
    for headers in (
        {"HTTP_IF_NONE_MATCH": etag},
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 2099 00:00:00 GMT"},
    ):
        response = client.get(site.private_document.url, **headers)

        assert response.status_code == 302, headers
        assert "ETag" not in response
        assert b"%PDF" not in response.content


@pytest.mark.parametrize("private", ["login_topic", "private_conference"])
def test_cache_validators_do_not_open_a_private_page(client, site, private):
    page = getattr(site, private)
    for headers in (
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 2099 00:00:00 GMT"},
    ):
        response = client.get(page.url, **headers)

        assert response.status_code == 302, headers
        assert SECRET not in response.content.decode()
