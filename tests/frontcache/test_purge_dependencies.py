"""Purge on publish, at Django level: a recording backend in place of the front cache.

Publishing, unpublishing, moving or deleting a page purges it and every page that shows
it; a document, a contact person or the site settings purge the pages that show them.
One test per kind of dependency (core/frontend_cache.py says where each comes from).
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from contacts.factories import ContactPersonFactory
from core.models import SiteSettings
from documents.factories import pdf_bytes
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import HomePageFeaturedTopic
from tests.frontcache.recording import RecordingBackend

ROOT = "http://testserver"
FUTURE = datetime.datetime(2030, 5, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    """Runs a change as the admin would (committed) and returns the purged addresses."""
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.frontcache.recording.RecordingBackend"}
    }

    def run(change):
        RecordingBackend.purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return set(RecordingBackend.purged)

    return run


@pytest.fixture
def site(home):
    topics = TopicPageFactory(parent=home, title="Ämnesområden", slug="amnen")
    topic = TopicPageFactory(parent=topics, title="Regional kapacitet", slug="regional")
    subtopic = TopicPageFactory(parent=topic, title="Smart specialisering", slug="smart")
    other_topic = TopicPageFactory(parent=topics, title="Landsbygd", slug="landsbygd")
    strategies = StrategyIndexPageFactory(parent=home)
    strategy = StrategyDocumentPageFactory(parent=strategies, slug="strategin")
    conferences = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(
        parent=conferences, slug="lulea", start=FUTURE, end=FUTURE + datetime.timedelta(hours=6)
    )
    # A site in use has its settings row (the first page view creates it, and with it a
    # purge of everything); publishing also renders the page for the web archive.
    SiteSettings.for_site(home.get_site())
    return {
        "home": home,
        "topics": topics,
        "topic": topic,
        "subtopic": subtopic,
        "other_topic": other_topic,
        "strategies": strategies,
        "strategy": strategy,
        "conferences": conferences,
        "conference": conference,
    }


def url(page):
    return page.get_full_url()


def publish(page, **changes):
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_publishing_a_conference_purges_it_its_listing_home_and_the_feeds(purged, site):
    urls = purged(lambda: publish(site["conference"], introduction="Ny ingress."))

    conference = site["conference"]
    assert {
        url(conference),
        url(site["conferences"]),
        url(site["home"]),
        f"{ROOT}/flode/nytt.atom",
        f"{ROOT}/kalender/konferenser.ics",
        f"{ROOT}/kalender/konferens-{conference.pk}.ics",
        f"{ROOT}/sitemap.xml",
        f"{ROOT}/sok/",
    } <= urls
    assert url(site["topic"]) not in urls
    assert url(site["strategies"]) not in urls


def test_publishing_a_strategy_purges_its_listing_home_and_the_atom_feed(purged, site):
    urls = purged(lambda: publish(site["strategy"], summary="<p>Ny sammanfattning.</p>"))

    assert {
        url(site["strategy"]),
        url(site["strategies"]),
        url(site["home"]),
        f"{ROOT}/flode/nytt.atom",
    } <= urls
    assert url(site["conferences"]) not in urls
    assert f"{ROOT}/kalender/konferenser.ics" not in urls


def test_publishing_a_subtopic_purges_the_topic_page_that_lists_it(purged, site):
    urls = purged(lambda: publish(site["subtopic"], introduction="Ändrad ingress."))

    assert {url(site["subtopic"]), url(site["topic"])} <= urls
    assert url(site["other_topic"]) not in urls
    assert url(site["home"]) not in urls


def test_a_new_title_purges_the_breadcrumbs_below_but_a_text_edit_does_not(purged, site):
    text_edit = purged(lambda: publish(site["topic"], introduction="Bara text."))
    new_title = purged(lambda: publish(site["topic"], title="Regional utveckling"))

    assert url(site["subtopic"]) not in text_edit
    assert url(site["subtopic"]) in new_title


def test_a_conference_shown_in_a_block_on_a_topic_page_purges_that_page(purged, site):
    topic = site["other_topic"]
    topic.body = [("conference", {"conference": site["conference"], "show_speakers": True})]
    topic.save_revision().publish()

    urls = purged(lambda: publish(site["conference"], venue="Kulturens hus, sal B"))

    assert url(topic) in urls
    assert url(site["subtopic"]) not in urls


def test_a_featured_topic_purges_the_home_page(purged, site):
    home = site["home"]
    HomePageFeaturedTopic.objects.create(home=home, page=site["other_topic"], sort_order=0)
    home.save_revision().publish()

    urls = purged(lambda: publish(site["other_topic"], introduction="Ny puff."))

    assert url(home) in urls


def test_a_page_in_the_main_menu_purges_every_page(purged, site):
    urls = purged(lambda: publish(site["topics"], title="Ämnen"))

    for page in site.values():
        assert url(page) in urls


def test_unpublishing_a_conference_purges_everywhere_it_was_listed(purged, site):
    urls = purged(lambda: site["conference"].unpublish())

    assert {
        url(site["conference"]),
        url(site["conferences"]),
        url(site["home"]),
        f"{ROOT}/flode/nytt.atom",
        f"{ROOT}/kalender/konferenser.ics",
    } <= urls


def test_moving_a_topic_purges_old_and_new_addresses_and_both_parents(purged, site):
    old_topic_url, old_subtopic_url = url(site["topic"]), url(site["subtopic"])

    urls = purged(lambda: site["topic"].move(site["other_topic"], pos="last-child"))

    site["topic"].refresh_from_db()
    site["subtopic"].refresh_from_db()
    assert {
        old_topic_url,
        old_subtopic_url,
        url(site["topic"]),
        url(site["subtopic"]),
        url(site["topics"]),
        url(site["other_topic"]),
    } <= urls
    assert url(site["topic"]) != old_topic_url


def test_deleting_a_page_purges_it_and_the_pages_that_showed_it(purged, site):
    strategy_url = url(site["strategy"])

    urls = purged(lambda: site["strategy"].delete())

    assert {strategy_url, url(site["strategies"]), url(site["home"])} <= urls


def test_making_a_page_private_purges_it_its_descendants_and_their_listings(purged, site):
    urls = purged(
        lambda: PageViewRestriction.objects.create(page=site["topic"], restriction_type="login")
    )

    assert {url(site["topic"]), url(site["subtopic"]), url(site["topics"])} <= urls


def test_replacing_a_documents_file_purges_its_addresses_and_the_pages_that_link_it(purged, site):
    document = site["strategy"].document
    SpeakerFactory(conference=site["conference"], presentation=document)
    linking = site["other_topic"]
    linking.body = [
        ("text", {"text": f'<p><a linktype="document" id="{document.pk}">Rapporten</a></p>'}),
    ]
    linking.save_revision().publish()
    listing = site["subtopic"]
    listing.body = [("documents", {"heading": "Läs mer", "documents": [document]})]
    listing.save_revision().publish()
    old_address = f"{ROOT}{document.url}"
    unrelated = TopicPageFactory(parent=listing, title="Utan dokument")

    def replace_file():
        document.file.save("ny-version.pdf", ContentFile(pdf_bytes("Ny")), save=False)
        document._set_document_file_metadata()
        document.save()

    urls = purged(replace_file)

    assert {
        old_address,
        f"{ROOT}{document.url}",
        url(site["strategy"]),
        url(site["strategies"]),
        url(site["conference"]),
        url(linking),
        url(listing),
    } <= urls
    assert old_address != f"{ROOT}{document.url}"
    assert url(unrelated) not in urls


def test_publishing_a_contact_person_purges_the_pages_and_vcard_that_show_them(purged, site):
    contact = ContactPersonFactory()
    conference = publish(site["conference"], contact=contact)
    carded = site["other_topic"]
    carded.body = [("contact", {"contact": contact})]
    carded.save_revision().publish()

    def new_phone():
        contact.phone = "08-681 99 99"
        contact.save_revision().publish()

    urls = purged(new_phone)

    assert {url(conference), url(carded), f"{ROOT}/kontakt/{contact.pk}/vcard.vcf"} <= urls
    assert url(site["topic"]) not in urls


def test_a_new_focal_point_purges_the_pages_showing_the_image(purged, site):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Porträtt", file=get_test_image_file())
    SpeakerFactory(conference=site["conference"], photo=image, presentation=None)
    contact = ContactPersonFactory(photo=image)
    carded = site["other_topic"]
    carded.body = [("contact", {"contact": contact})]
    carded.save_revision().publish()

    def move_focal_point():
        image.focal_point_x, image.focal_point_y = 10, 10
        image.focal_point_width, image.focal_point_height = 20, 20
        image.save()

    urls = purged(move_focal_point)

    assert {url(site["conference"]), url(carded)} <= urls
    assert url(site["strategy"]) not in urls


def test_closing_a_collection_purges_its_documents_and_the_pages_linking_them(purged, site):
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Internt")
    document = site["strategy"].document
    document.collection = collection
    document.save()

    urls = purged(
        lambda: CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    )

    assert {f"{ROOT}{document.url}", url(site["strategy"]), url(site["strategies"])} <= urls


def test_saving_site_settings_purges_every_page(purged, site):
    settings_ = SiteSettings.for_site(site["home"].get_site())

    def change_footer():
        settings_.footer_phone = "08-681 91 00"
        settings_.save()

    urls = purged(change_footer)

    for page in site.values():
        assert url(page) in urls


def test_nothing_is_purged_without_a_front_cache(
    settings, site, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(site["conference"], introduction="Ändrad.")

    assert callbacks == []


def test_purges_are_sent_only_once_the_change_is_committed(
    settings, site, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.frontcache.recording.RecordingBackend"}
    }
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(site["strategy"], summary="<p>Ändrad.</p>")
    dependents_before_commit = {url(site["strategies"]), url(site["home"])} & set(
        RecordingBackend.purged
    )

    for callback in callbacks:
        callback()

    assert dependents_before_commit == set()
    assert {url(site["strategies"]), url(site["home"])} <= set(RecordingBackend.purged)


def test_the_varnish_backend_sends_addresses_percent_encoded(site, monkeypatch):
    from core import frontend_cache

    sent = []

    class Response:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

    def urlopen(request, timeout):
        sent.append((request.get_method(), request.full_url, request.headers["Host"], timeout))
        return Response()

    monkeypatch.setattr(frontend_cache, "urlopen", urlopen)
    backend = frontend_cache.VarnishBackend({"LOCATION": "http://127.0.0.1:6081"})

    backend.purge("http://testserver/ämnen/smart/")

    assert sent == [("PURGE", "http://127.0.0.1:6081/%C3%A4mnen/smart/", "testserver", 5)]


def test_a_front_cache_that_is_down_does_not_stop_publishing(
    settings, site, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "core.frontend_cache.VarnishBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }

    with django_capture_on_commit_callbacks(execute=True):
        page = publish(site["strategy"], title="Publicerad ändå")

    assert page.live and page.title == "Publicerad ändå"
    assert "Front cache: PURGE http://127.0.0.1:9/publikationer/" in caplog.text
