"""One description of a page, used by meta tags, search hits, feeds and cards."""

import json

import pytest

from core.summary import SUMMARY_LENGTH, plain_text, shorten
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import TopicPageFactory


@pytest.mark.django_db
def test_summary_prefers_search_description_then_introduction_then_body(home):
    body = [{"type": "text", "value": {"text": "<p>Brödtext &amp; <b>mer</b>.</p>"}}]
    page = TopicPageFactory(
        parent=home, search_description="Kort.", introduction="Ingress.", body=json.dumps(body)
    )
    assert page.get_summary() == "Kort."

    page.search_description = ""
    assert page.get_summary() == "Ingress."

    page.introduction = ""
    assert page.get_summary() == "Brödtext & mer."


@pytest.mark.django_db
def test_long_summary_is_cut_at_a_word_boundary(home):
    page = TopicPageFactory(parent=home, introduction="ordet " * 60)

    summary = page.get_summary()

    assert len(summary) <= SUMMARY_LENGTH
    assert summary.endswith("ordet…")


def test_shorten_leaves_short_text_alone():
    assert shorten("Kort text.") == "Kort text."


@pytest.mark.django_db
def test_cards_and_listings_show_the_summary(client, home):
    index = ConferenceIndexPageFactory(parent=home)
    ConferencePageFactory(parent=index, introduction="", search_description="Beskrivningen.")

    assert "Beskrivningen." in client.get(index.url).content.decode()


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Det vi är bra på.</p><p>En region</p>", "Det vi är bra på. En region"),
        ("<ul><li>ett</li><li>två</li></ul>", "ett två"),
        ("<h2>Rubrik</h2><p>Text</p>", "Rubrik Text"),
        ("rad ett<br/>rad två", "rad ett rad två"),
        ('<p>En <a href="/x/">länk</a>. Och <b>fet</b>text.</p>', "En länk. Och fettext."),
    ],
)
def test_plain_text_keeps_blocks_apart_but_not_inline_text(html, text):
    assert plain_text(html) == text
