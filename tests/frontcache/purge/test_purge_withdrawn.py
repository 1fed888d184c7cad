"""Withdrawing a page (inaktuell) takes it out of menus and navigation (core/privacy.py),
so the pages that showed it are purged, as for any structural change."""

import datetime

from tests.frontcache.purge.changes import publish, url

# The same site and recording front cache as the dependency tests (conftest.py).


def test_withdrawing_a_topic_purges_the_pages_whose_section_navigation_names_it(purged, site):
    text_edit = purged(lambda: publish(site["other_topic"], introduction="Bara text."))
    withdrawn = purged(lambda: publish(site["other_topic"], withdrawn_at=datetime.date(2025, 3, 1)))

    # Every page below its parent shows it in "I avsnittet" (pages/section_navigation.py).
    assert {url(site["topic"]), url(site["subtopic"]), url(site["topics"])} <= withdrawn
    assert url(site["subtopic"]) not in text_edit
    assert url(site["strategy"]) not in withdrawn


def test_withdrawing_a_page_just_below_the_home_page_purges_every_page(purged, site):
    urls = purged(lambda: publish(site["topics"], withdrawn_at=datetime.date(2025, 3, 1)))

    for page in site.values():
        assert url(page) in urls
