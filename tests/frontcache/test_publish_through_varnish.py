"""Publish a change and see it through the front cache on the very next request.

The shipped VCL (deploy/varnish/) runs in front of the app (``front_cache``). For each
kind of page that shows other content, the test first has the page cached (the second
request is a HIT), then changes what it shows as an editor would, and then expects the
next anonymous request through Varnish to show the change: the purge on publish reached
the cache for that page too.
"""

import datetime
import gzip
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Page

from contacts.factories import ContactPersonFactory
from core.models import SiteSettings
from documents.factories import DocumentFactory, pdf_bytes
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from feedback.factories import FeedbackFormPageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import HomePageFeaturedTopic

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FUTURE = datetime.datetime(2031, 3, 4, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def site(home):
    contact = ContactPersonFactory(name="Cecilia Johansson", phone="08-681 91 32")
    topics = TopicPageFactory(parent=home, title="Ämnesområden", slug="amnen", show_in_menus=True)
    topic = TopicPageFactory(parent=topics, title="Regional kapacitet", slug="regional")
    subtopic = TopicPageFactory(parent=topic, title="Smart specialisering", slug="smart")
    strategies = StrategyIndexPageFactory(parent=home, show_in_menus=True)
    document = DocumentFactory(title="Strategidokumentet")
    strategy = StrategyDocumentPageFactory(
        parent=strategies, title="Strategi för smart specialisering", document=document
    )
    conferences = ConferenceIndexPageFactory(parent=home, show_in_menus=True)
    conference = ConferencePageFactory(
        parent=conferences,
        title="Nationell konferens i Luleå",
        slug="lulea",
        start=FUTURE,
        end=FUTURE + datetime.timedelta(hours=7),
        contact=contact,
    )
    block_page = TopicPageFactory(
        parent=topics,
        title="Konferenssida",
        slug="konferenssida",
        body=[("conference", {"conference": conference, "show_speakers": True})],
    )
    HomePageFeaturedTopic.objects.create(home=home, page=topic, sort_order=0)
    # Published as an editor would, so they carry publication dates (the Atom feed).
    for page in (strategy, conference):
        page.save_revision().publish()
    return {
        "home": home,
        "topics": topics,
        "topic": topic,
        "subtopic": subtopic,
        "strategies": strategies,
        "strategy": strategy,
        "document": document,
        "conferences": conferences,
        "conference": conference,
        "block_page": block_page,
        "contact": contact,
    }


def publish(page, **changes):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def text(body):
    return body.decode("utf-8")


def cached(front_cache, path, expected):
    """Fetches `path` twice through the front cache: shows `expected`, then is a HIT."""
    status, _headers, body = front_cache.get(path)
    assert status == 200, body[:500]
    assert expected in text(body)
    status, headers, body = front_cache.get(path)
    assert headers["X-Cache"] == "HIT", f"{path} is not cached: {headers}"
    assert expected in text(body)


def seen_next(front_cache, path, old, new):
    status, headers, body = front_cache.get(path)
    assert status == 200
    assert new in text(body), f"{path} still shows the old version ({headers['X-Cache']})"
    assert old not in text(body)


CONFERENCE_OLD = "Nationell konferens i Luleå"
CONFERENCE_NEW = "Innovationsdagarna i Umeå"


@pytest.mark.parametrize(
    "where",
    ["conference", "conferences", "home", "block_page", "atom", "calendar", "conference_ics"],
)
def test_a_renamed_conference_is_seen_at_once_wherever_it_is_shown(front_cache, site, where):
    conference = site["conference"]
    path = {
        "atom": "/flode/nytt.atom",
        "calendar": "/kalender/konferenser.ics",
        "conference_ics": f"/kalender/konferens-{conference.pk}.ics",
    }.get(where) or site[where].url
    cached(front_cache, path, CONFERENCE_OLD)

    publish(conference, title=CONFERENCE_NEW)

    seen_next(front_cache, path, CONFERENCE_OLD, CONFERENCE_NEW)


@pytest.mark.parametrize("where", ["strategy", "strategies", "home", "atom"])
def test_a_renamed_strategy_is_seen_at_once_in_listing_home_and_feed(front_cache, site, where):
    path = "/flode/nytt.atom" if where == "atom" else site[where].url
    cached(front_cache, path, "Strategi för smart specialisering")

    publish(site["strategy"], title="Strategi för hållbar tillväxt")

    seen_next(
        front_cache, path, "Strategi för smart specialisering", "Strategi för hållbar tillväxt"
    )


def test_a_renamed_subtopic_is_seen_at_once_in_the_parent_topics_list(front_cache, site):
    path = site["topic"].url
    cached(front_cache, path, "Smart specialisering")

    publish(site["subtopic"], title="Forskning och innovation")

    seen_next(front_cache, path, "Smart specialisering", "Forskning och innovation")


def test_a_featured_topic_is_seen_at_once_on_the_home_page(front_cache, site):
    path = site["home"].url
    cached(front_cache, path, "Regional kapacitet")

    publish(site["topic"], title="Regional utveckling")

    seen_next(front_cache, path, "Regional kapacitet", "Regional utveckling")


def test_a_renamed_menu_page_is_seen_at_once_in_the_menu_of_every_page(front_cache, site):
    path = site["conference"].url
    cached(front_cache, path, "Ämnesområden")

    publish(site["topics"], title="Våra frågor")

    seen_next(front_cache, path, ">Ämnesområden<", ">Våra frågor<")


def test_a_new_page_is_seen_at_once_in_the_sitemap_and_its_listing(front_cache, site):
    cached(front_cache, "/sitemap.xml", "/publikationer/")
    cached(front_cache, site["strategies"].url, "Strategi för smart specialisering")

    new = StrategyDocumentPageFactory.build(
        title="Ny rapport om export", slug="export", document=site["document"]
    )
    site["strategies"].add_child(instance=new)
    new.save_revision().publish()

    for path, new_text in (
        ("/sitemap.xml", "/publikationer/export/"),
        (site["strategies"].url, "Ny rapport om export"),
    ):
        status, headers, body = front_cache.get(path)
        assert status == 200
        assert new_text in text(body), f"{path} still shows the old version"


def test_an_unpublished_conference_disappears_at_once_from_listing_and_feed(front_cache, site):
    cached(front_cache, site["conferences"].url, CONFERENCE_OLD)
    cached(front_cache, "/kalender/konferenser.ics", CONFERENCE_OLD)
    cached(front_cache, site["conference"].url, CONFERENCE_OLD)

    Page.objects.get(pk=site["conference"].pk).specific.unpublish()

    for path in (site["conferences"].url, "/kalender/konferenser.ics"):
        status, _headers, body = front_cache.get(path)
        assert CONFERENCE_OLD not in text(body)
    status, _headers, _body = front_cache.get(site["conference"].url)
    assert status == 404


def test_a_replaced_document_is_seen_at_once_on_the_page_that_links_it(front_cache, site):
    document = site["document"]
    old_path = document.url
    cached(front_cache, site["strategy"].url, old_path)
    status, _headers, old_file = front_cache.get(old_path)
    assert status == 200

    document.file.save("ny-version.pdf", ContentFile(pdf_bytes("Ny version", 9)), save=False)
    document._set_document_file_metadata()
    document.save()

    seen_next(front_cache, site["strategy"].url, old_path, document.url)
    status, _headers, new_file = front_cache.get(document.url)
    assert status == 200 and new_file != old_file


def test_a_contact_persons_new_number_is_seen_at_once_on_pages_and_vcard(front_cache, site):
    contact = site["contact"]
    vcard = f"/kontakt/{contact.pk}/vcard.vcf"
    cached(front_cache, site["conference"].url, "08-681 91 32")
    cached(front_cache, vcard, "tel:+4686819132")

    contact.phone = "08-681 65 00"
    contact.save_revision().publish()

    seen_next(front_cache, site["conference"].url, "08-681 91 32", "08-681 65 00")
    seen_next(front_cache, vcard, "tel:+4686819132", "tel:+4686816500")


def test_a_new_footer_is_seen_at_once_on_every_page(front_cache, site):
    site_settings = SiteSettings.for_site(site["home"].get_site())
    site_settings.footer_phone = "08-681 91 00"
    site_settings.save()
    paths = [site[name].url for name in ("home", "topic", "strategy", "conference")]
    for path in paths:
        cached(front_cache, path, "08-681 91 00")

    site_settings.footer_phone = "010-447 44 00"
    site_settings.save()

    for path in paths:
        seen_next(front_cache, path, "08-681 91 00", "010-447 44 00")


def test_anonymous_pages_come_gzipped_without_cookies_and_answer_304(front_cache, site):
    path = site["topic"].url
    status, headers, body = front_cache.get(path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Regional kapacitet" in text(gzip.decompress(body))
    assert "Set-Cookie" not in headers
    assert "s-maxage=" in headers["Cache-Control"]

    status, headers, body = front_cache.get(path, {"If-None-Match": headers["ETag"]})
    assert status == 304
    assert headers["X-Cache"] == "HIT"


def test_an_editor_with_a_session_always_gets_the_apps_own_answer(front_cache, site):
    path = site["topic"].url
    cached(front_cache, path, "Regional kapacitet")

    for _ in range(2):
        status, headers, _body = front_cache.get(path, {"Cookie": "sessionid=abc123"})
        assert status == 200
        assert headers["X-Cache"] == "MISS"
        assert "private" in headers["Cache-Control"]


def test_the_admin_is_never_cached(front_cache, site):
    for _ in range(2):
        status, headers, _body = front_cache.get("/admin/login/")
        assert status == 200
        assert headers["X-Cache"] == "MISS"


def test_the_feedback_form_works_behind_the_front_cache(front_cache, site):
    feedback = FeedbackFormPageFactory(parent=site["home"], contact=site["contact"])
    status, headers, body = front_cache.get(feedback.url)
    assert status == 200
    assert "private" in headers["Cache-Control"]
    assert "Set-Cookie" not in headers
    token = re.search(r'name="form_token" value="([^"]+)"', text(body)).group(1)
    status, headers, body = front_cache.get(feedback.url)
    assert headers["X-Cache"] == "MISS"

    form = (f"form_token={token}&namn=Anna&e_post=anna%40example.com&synpunkter=Bra+sida.").encode()
    status, headers, body = front_cache.get(
        feedback.url,
        {
            "Origin": front_cache.url,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": front_cache.url + feedback.url,
        },
        method="POST",
        data=form,
    )

    assert status == 200, text(body)[:400]
    assert "Tack för dina synpunkter!" in text(body)


def test_a_document_is_served_in_ranges_from_the_cache(front_cache, site):
    path = site["document"].url
    status, _headers, whole = front_cache.get(path)
    assert status == 200

    status, headers, part = front_cache.get(path, {"Range": "bytes=100-199"})

    assert status == 206
    assert headers["Content-Range"] == f"bytes 100-199/{len(whole)}"
    assert part == whole[100:200]


def test_brotli_and_gzip_copies_are_cached_side_by_side_and_purged_together(front_cache, site):
    import brotli

    path = site["topic"].url
    for _ in range(2):
        status, br_headers, br_body = front_cache.get(
            path, {"Accept-Encoding": "gzip, deflate, br"}
        )
        status, gz_headers, gz_body = front_cache.get(path, {"Accept-Encoding": "gzip"})
    assert br_headers["Content-Encoding"] == "br" and br_headers["X-Cache"] == "HIT"
    assert gz_headers["Content-Encoding"] == "gzip" and gz_headers["X-Cache"] == "HIT"
    assert brotli.decompress(br_body) == gzip.decompress(gz_body)

    publish(site["topic"], title="Regional utveckling")

    _status, _headers, br_body = front_cache.get(path, {"Accept-Encoding": "br"})
    _status, _headers, gz_body = front_cache.get(path, {"Accept-Encoding": "gzip"})
    assert "Regional utveckling" in text(brotli.decompress(br_body))
    assert "Regional utveckling" in text(gzip.decompress(gz_body))


def test_a_deleted_strategy_disappears_at_once_from_its_page_listing_and_home(front_cache, site):
    strategy_path = site["strategy"].url
    for path in (strategy_path, site["strategies"].url, site["home"].url):
        cached(front_cache, path, "Strategi för smart specialisering")

    Page.objects.get(pk=site["strategy"].pk).delete()

    assert front_cache.get(strategy_path)[0] == 404
    for path in (site["strategies"].url, site["home"].url):
        status, _headers, body = front_cache.get(path)
        assert status == 200
        assert "Strategi för smart specialisering" not in text(body)


def test_a_moved_topic_is_seen_at_once_at_its_new_address_and_in_both_parents(front_cache, site):
    old_path = site["subtopic"].url
    cached(front_cache, old_path, "Smart specialisering")
    cached(front_cache, site["topic"].url, "Smart specialisering")
    cached(front_cache, site["block_page"].url, "Konferenssida")

    Page.objects.get(pk=site["subtopic"].pk).move(
        Page.objects.get(pk=site["block_page"].pk), pos="last-child"
    )

    new_path = Page.objects.get(pk=site["subtopic"].pk).url
    # Wagtail leaves a redirect behind at the old address.
    status, headers, _body = front_cache.get(old_path)
    assert status == 301 and headers["Location"].endswith(new_path)
    assert front_cache.get(new_path)[0] == 200
    assert "Smart specialisering" not in text(front_cache.get(site["topic"].url)[2])
    assert "Smart specialisering" in text(front_cache.get(site["block_page"].url)[2])
