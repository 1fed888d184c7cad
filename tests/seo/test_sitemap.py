import re

from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from feedback.factories import FeedbackFormPageFactory
from pages.factories import AccessibilityStatementPageFactory, TopicPageFactory


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return re.findall(r"<loc>(.*?)</loc>", response.content.decode()), response


def test_sitemap_lists_every_public_live_page(client, home):
    topic = TopicPageFactory(parent=home, slug="amnen")
    index = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=index, slug="konferens-2018")
    statement = AccessibilityStatementPageFactory(parent=home)
    feedback = FeedbackFormPageFactory(parent=home)

    locations, _ = sitemap_locations(client)

    assert locations == [
        "http://testserver/",
        "http://testserver/amnen/",
        "http://testserver/konferenser/",
        "http://testserver/konferenser/konferens-2018/",
        "http://testserver/tillganglighetsredogorelse/",
        "http://testserver/synpunkter/",
    ]
    assert conference.get_full_url() in locations
    assert statement.get_full_url() in locations
    assert topic.get_full_url() in locations
    assert feedback.get_full_url() in locations


def test_sitemap_leaves_out_private_pages_their_children_and_drafts(client, home):
    public = TopicPageFactory(parent=home, slug="oppen")
    private = TopicPageFactory(parent=home, slug="intern")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    TopicPageFactory(parent=private, slug="under-intern")
    login_only = TopicPageFactory(parent=home, slug="inloggade")
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    draft = TopicPageFactory(parent=home, slug="utkast")
    draft.unpublish()

    locations, _ = sitemap_locations(client)

    assert public.get_full_url() in locations
    for slug in ("intern", "under-intern", "inloggade", "utkast"):
        assert not any(f"/{slug}/" in location for location in locations), slug


def test_sitemap_lastmod_is_the_date_of_the_last_publication(client, home):
    topic = TopicPageFactory(parent=home, slug="amnen")
    topic.title = "Ändrad rubrik"
    revision = topic.save_revision()
    revision.publish()
    topic.refresh_from_db()

    _, response = sitemap_locations(client)

    html = response.content.decode()
    entry = re.search(r"<loc>http://testserver/amnen/</loc>\s*<lastmod>(.*?)</lastmod>", html)
    assert entry is not None
    # The date in the site's time zone (Django renders lastmod with TIME_ZONE active).
    assert entry.group(1) == timezone.localtime(topic.last_published_at).date().isoformat()


def test_robots_txt_points_at_the_sitemap_with_its_full_address(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text.splitlines()
