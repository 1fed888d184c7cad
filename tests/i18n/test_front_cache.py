"""Purge on publish covers the English pages: their /en/ addresses, and every English page
when a page of the English main menu changes (core/frontend_cache.py)."""

import pytest

from core.models import SiteSettings
from tests.frontcache.recording import RecordingBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.frontcache.recording.RecordingBackend"}
    }

    def run(change):
        RecordingBackend.purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return set(RecordingBackend.purged)

    return run


def publish(page, **changes):
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_publishing_an_english_page_purges_its_english_address(purged, bilingual):
    SiteSettings.for_site(bilingual["home"].get_site())
    urls = purged(lambda: publish(bilingual["en_conference"], introduction="New."))

    assert "http://testserver/en/conferences/smart-specialisation-2018/" in urls
    assert "http://testserver/en/conferences/" in urls


def test_an_english_menu_page_purges_every_english_page(purged, bilingual):
    SiteSettings.for_site(bilingual["home"].get_site())
    urls = purged(lambda: publish(bilingual["en_index"], title="Events"))

    for name in ("en_home", "en_index", "en_conference", "conference", "topic"):
        assert bilingual[name].get_full_url() in urls, name


def test_an_english_conference_purges_the_english_feed_calendar_and_search(purged, bilingual):
    SiteSettings.for_site(bilingual["home"].get_site())
    urls = purged(lambda: publish(bilingual["en_conference"], introduction="New."))

    for path in ("/en/flode/nytt.atom", "/en/kalender/konferenser.ics", "/en/sok/"):
        assert f"http://testserver{path}" in urls, path
