"""Publish a change and see it through the front cache on the very next request.

The shipped VCL (deploy/varnish/) runs in front of the app (``front_cache``). For each
kind of page that shows other content, the test first has the page cached (the second
request is a HIT), then changes what it shows as an editor would, and then expects the
next anonymous request through Varnish to show the change: the purge on publish reached
the cache for that page too.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Page

from core.models import SiteSettings
from documents.factories import pdf_bytes
from pages.factories import StrategyDocumentPageFactory
from tests.frontcache.through_varnish.seen import cached, publish, seen_next, text

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

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
