"""Every card and list entry describes its page once, with the page's one summary
(core/summary.py get_summary: the search description, else the introduction). The
conference list showed the introduction and then the summary, which falls back to the
same introduction: the same sentence twice on /konferenser/ and /en/conferences/."""

import pytest
from wagtail.models import Locale

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import TopicPageFactory

INTRODUCTION = "Regionerna möts för att prata om smart specialisering."
SEARCH_DESCRIPTION = "Konferensen om smart specialisering i Luleå, med alla presentationer."


def main(client, url):
    html = client.get(url).text
    return html[html.index('<main id="main"') : html.index("</main>")]


@pytest.mark.parametrize(
    ("fields", "shown", "not_shown"),
    [
        ({"introduction": INTRODUCTION}, INTRODUCTION, None),
        (
            {"introduction": INTRODUCTION, "search_description": SEARCH_DESCRIPTION},
            SEARCH_DESCRIPTION,
            INTRODUCTION,
        ),
        ({"introduction": "", "search_description": SEARCH_DESCRIPTION}, SEARCH_DESCRIPTION, None),
    ],
)
def test_a_conference_in_the_list_is_described_once(client, home, fields, shown, not_shown):
    index = ConferenceIndexPageFactory(parent=home)
    ConferencePageFactory(parent=index, title="Mötet i Luleå", **fields)

    listing = main(client, index.url)

    assert listing.count(shown) == 1
    if not_shown:
        assert not_shown not in listing


def test_the_english_conference_list_describes_each_conference_once(client, home):
    english = Locale.objects.get_or_create(language_code="en")[0]
    index = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=index, introduction=INTRODUCTION)
    pages = {}
    for page, title, slug in (
        (home, "Home", None),
        (index, "Conferences", "conferences"),
        (conference, "Smart specialisation", "smart-specialisation"),
    ):
        translation = page.copy_for_translation(english).specific
        translation.title = title
        translation.slug = slug or translation.slug
        if page is conference:
            translation.introduction = "Regions meet to talk about smart specialisation."
        translation.save_revision().publish()
        translation.refresh_from_db()
        pages[page.pk] = translation
    english_list = main(client, pages[index.pk].url)

    assert pages[index.pk].url == "/en/conferences/"
    assert english_list.count("Regions meet to talk about smart specialisation.") == 1


def test_a_long_introduction_is_shown_once_shortened_in_the_list(client, home):
    index = ConferenceIndexPageFactory(parent=home)
    tail = "Dagen bjuder på talare från hela landet, workshoppar och samtal om vad som fungerar."
    long_text = f"{INTRODUCTION} {tail} Sist summerar vi dagen tillsammans."
    ConferencePageFactory(parent=index, introduction=long_text)

    listing = main(client, index.url)

    assert listing.count(INTRODUCTION) == 1
    assert "summerar vi dagen" not in listing


def test_a_topic_card_describes_its_subtopic_once(client, home):
    topic = TopicPageFactory(parent=home, introduction="Huvudämnet.")
    TopicPageFactory(parent=topic, title="Delämnet", introduction=INTRODUCTION)

    assert main(client, topic.url).count(INTRODUCTION) == 1
