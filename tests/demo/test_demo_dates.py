"""The demo pages carry the dates of the story they tell (demo/dates.py), not the day
the demo was loaded; loading again keeps them, and an editor's page keeps the editor's."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import ConferencePage
from pages.models import StrategyDocumentPage, TopicPage


@pytest.fixture
def demo(demo_content, db):
    """The demo site, loaded once for the module (tests/conftest.py)."""


def dates(page):
    page.refresh_from_db()
    return (
        timezone.localdate(page.first_published_at),
        timezone.localdate(page.last_published_at),
    )


def smart(language="sv"):
    return TopicPage.objects.get(slug__startswith="smart-speciali", locale__language_code=language)


def conference(language="sv"):
    return ConferencePage.objects.get(locale__language_code=language)


def test_demo_pages_are_dated_from_their_story_not_from_today(demo, client):
    strategy = StrategyDocumentPage.objects.get(locale__language_code="sv")

    assert dates(smart()) == (date(2017, 12, 1), date(2018, 2, 9))
    assert dates(conference()) == (date(2017, 11, 15), date(2018, 2, 9))
    assert dates(strategy) == (date(2017, 12, 1), date(2017, 12, 1))
    assert dates(conference("en")) == (date(2018, 2, 16), date(2018, 2, 16))
    html = client.get(smart().url).content.decode()
    assert '<time datetime="2017-12-01">1 december 2017</time>' in html
    assert timezone.localdate().strftime("%Y-%m-%d") not in html


def test_loading_again_keeps_the_dates(demo):
    before = [dates(smart()), dates(conference()), dates(conference("en"))]

    call_command("load_demo_content", stdout=io.StringIO())

    assert [dates(smart()), dates(conference()), dates(conference("en"))] == before


def test_a_page_an_editor_published_keeps_the_editors_dates(demo, admin_user):
    page = smart()
    page.introduction = "Redaktörens egen ingress."
    page.save_revision(user=admin_user).publish(user=admin_user)

    call_command("load_demo_content", stdout=io.StringIO())

    assert dates(page) == (date(2017, 12, 1), timezone.localdate())
