"""Every page that lists its children (core/frontend_cache.py,
``frontend_cache_lists_children``) is purged when one of them changes: the conference
and strategy listings and the lättläst and teckenspråk lists, each listing its pages
by title."""

import pytest

from language_versions.factories import (
    EasyReadIndexPageFactory,
    EasyReadPageFactory,
    SignLanguageIndexPageFactory,
    SignLanguagePageFactory,
)
from tests.frontcache.purge.changes import publish, url


def _from_site(listing, child):
    return lambda site: (site[listing], site[child])


def _new(index_factory, child_factory):
    def build(site):
        index = index_factory(parent=site["home"])
        return index, child_factory(parent=index)

    return build


LISTINGS = {
    "conferences": _from_site("conferences", "conference"),
    "strategies": _from_site("strategies", "strategy"),
    "easy_read": _new(EasyReadIndexPageFactory, EasyReadPageFactory),
    "sign_language": _new(SignLanguageIndexPageFactory, SignLanguagePageFactory),
}


@pytest.mark.parametrize("kind", LISTINGS)
def test_a_new_title_on_a_listed_page_purges_the_page_that_lists_it(purged, site, kind):
    listing, child = LISTINGS[kind](site)

    urls = purged(lambda: publish(child, title="En ny titel"))

    assert url(child) in urls
    assert url(listing) in urls
    assert url(site["topic"]) not in urls
