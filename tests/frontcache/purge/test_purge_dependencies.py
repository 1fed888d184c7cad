"""Purge on publish, at Django level: a recording backend in place of the front cache.

Publishing, unpublishing, moving or deleting a page purges it and every page that shows
it. One test per kind of dependency (core/frontend_cache.py says where each comes from);
documents, contact persons, images and site settings: test_purge_dependencies_of_files.py;
when and how purges are sent: test_purge_delivery.py.
"""

from wagtail.models import PageViewRestriction

from pages.models import HomePageFeaturedTopic
from tests.frontcache.purge.changes import ROOT, publish, url


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
