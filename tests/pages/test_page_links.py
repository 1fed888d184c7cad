"""A link to a page a visitor cannot open (not live, deleted, view-restricted) is never an
address on a public page: plain text in rich text, left out where a page chooser shows it."""

import json

import pytest
from django.contrib.auth.models import Group
from django.template import Context, Template
from wagtail.contrib.settings.models import BaseSiteSetting  # noqa: F401 - settings registry
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from core.models import SiteSettings
from core.richtext import render_rich_text
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from feedback.factories import FeedbackFormPageFactory
from pages.factories import (
    AccessibilityStatementPageFactory,
    StrategyDocumentPageFactory,
    StrategyIndexPageFactory,
    TopicPageFactory,
)
from pages.models import HomePageFeaturedTopic


def _link_to(page, text="Läs mer"):
    return f'<p>Se <a linktype="page" id="{page.pk}">{text}</a>.</p>'


def _topic_linking_to(home, target, text="Läs mer"):
    body = json.dumps([{"type": "text", "value": {"text": _link_to(target, text)}}])
    return TopicPageFactory(parent=home, title="Länkande sida", body=body)


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_rich_text_link_to_a_page_later_unpublished_becomes_plain_text(client, home):
    target = TopicPageFactory(parent=home, title="Mål")
    linking = _topic_linking_to(home, target)
    assert f'<a href="{target.url}">Läs mer</a>' in _html(client, linking)

    target.unpublish()

    html = _html(client, linking)
    assert "<a>Läs mer</a>" in html
    assert f'href="{target.url}"' not in html


def _draft(home):
    return TopicPageFactory(parent=home, title="Utkast", live=False, first_published_at=None)


def _deleted(home):
    page = TopicPageFactory(parent=home, title="Borttagen")
    stand_in = Page(pk=page.pk)
    page.delete()
    return stand_in


def _restricted(restriction_type):
    def make(home):
        page = TopicPageFactory(parent=home, title=f"Skyddad {restriction_type}")
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=restriction_type, password="hemligt"
        )
        if restriction_type == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.create(name="Medlemmar"))
        return page

    return make


def _below_restricted(home):
    section = TopicPageFactory(parent=home, title="Intranät")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    return TopicPageFactory(parent=section, title="Under skyddad")


UNREACHABLE = {
    "draft never published": _draft,
    "deleted": _deleted,
    "password": _restricted(PageViewRestriction.PASSWORD),
    "login": _restricted(PageViewRestriction.LOGIN),
    "group": _restricted(PageViewRestriction.GROUPS),
    "below a restricted page": _below_restricted,
}


@pytest.mark.parametrize("kind", UNREACHABLE)
def test_rich_text_link_to_a_page_a_visitor_cannot_open_is_plain_text(client, home, kind):
    target = UNREACHABLE[kind](home)

    html = _html(client, _topic_linking_to(home, target, "Den sidan"))

    assert "<a>Den sidan</a>" in html


def test_rich_text_link_to_a_page_of_another_site_keeps_its_full_address(home):
    other_root = TopicPageFactory(parent=Page.get_first_root_node(), title="Annan webbplats")
    Site.objects.create(hostname="annan.example", port=443, root_page=other_root)
    target = TopicPageFactory(parent=other_root, title="Där")

    html = render_rich_text(_link_to(target))

    assert f'<a href="https://annan.example/{target.slug}/">Läs mer</a>' in html


def test_every_way_of_rendering_rich_text_gives_the_final_html(home):
    target = TopicPageFactory(parent=home, title="Mål", live=False)
    source = _link_to(target) + '<p><a href="https://example.org/">Extern</a></p>'
    expected = render_rich_text(source)
    assert "<a>Läs mer</a>" in expected
    assert "annan webbplats" in expected

    template = Template(
        "{% load wagtailcore_tags %}{{ value }}|{{ source|richtext }}|{% include_block block %}"
    )
    block_value = RichText(source)
    rendered = template.render(
        Context({"value": block_value, "source": source, "block": block_value})
    )

    assert rendered.split("|") == [expected, expected, expected]


def test_home_page_leaves_out_featured_topics_a_visitor_cannot_open(client, home):
    shown = TopicPageFactory(parent=home, title="Synligt ämne")
    hidden = [make(home) for make in UNREACHABLE.values() if make is not _deleted]
    for order, topic in enumerate([shown, *hidden]):
        HomePageFeaturedTopic.objects.create(home=home, page=topic, sort_order=order)

    html = _html(client, home)

    assert "Synligt ämne" in html
    for topic in hidden:
        assert f'href="{topic.url}"' not in html


def test_footer_404_and_statement_leave_out_links_to_pages_a_visitor_cannot_open(client, home):
    statement = AccessibilityStatementPageFactory(parent=home)
    feedback = FeedbackFormPageFactory(parent=home)
    statement.feedback_page = feedback
    statement.save()
    settings = SiteSettings.for_site(Site.objects.get())
    settings.accessibility_page, settings.feedback_page = statement, feedback
    settings.save()
    topic = TopicPageFactory(parent=home, title="Ämne")
    assert f'href="{feedback.url}"' in _html(client, topic)

    feedback.unpublish()

    assert f'href="{feedback.url}"' not in _html(client, topic)
    assert f'href="{feedback.url}"' not in _html(client, statement)
    assert f'href="{statement.url}"' in _html(client, topic)
    not_found = client.get("/finns-inte/")
    assert not_found.status_code == 404
    assert "Berätta för oss om en länk inte fungerar" not in not_found.content.decode()
    PageViewRestriction.objects.create(page=statement, restriction_type=PageViewRestriction.LOGIN)
    assert "Tillgänglighetsredogörelse</a>" not in _html(client, topic)


def test_strategy_leaves_out_related_topics_a_visitor_cannot_open(client, home):
    strategies = StrategyIndexPageFactory(parent=home)
    shown = TopicPageFactory(parent=home, title="Synligt ämne")
    hidden = _restricted(PageViewRestriction.LOGIN)(home)
    strategy = StrategyDocumentPageFactory(parent=strategies)
    strategy.related_topics.set([shown, hidden])
    strategy.save()

    html = _html(client, strategy)

    assert f'href="{shown.url}"' in html
    assert f'href="{hidden.url}"' not in html


def test_conference_block_shows_nothing_for_an_unpublished_conference(client, home):
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), title="Konferens i Luleå"
    )
    body = json.dumps(
        [{"type": "conference", "value": {"conference": conference.pk, "show_speakers": True}}]
    )
    topic = TopicPageFactory(parent=home, title="Ämne med konferens", body=body)
    assert "Konferens i Luleå" in _html(client, topic)

    conference.unpublish()

    assert "Konferens i Luleå" not in _html(client, topic)


def test_breadcrumb_shows_an_unpublished_ancestor_as_plain_text(client, home):
    section = TopicPageFactory(parent=home, title="Avsnitt")
    child = TopicPageFactory(parent=section, title="Undersida")
    Page.objects.filter(pk=section.pk).update(live=False)

    html = _html(client, child)

    assert "<li>Avsnitt</li>" in html
    assert f'href="{section.url}"' not in html
