"""Titles and names made of one long Swedish compound, for the accessibility site: they
must wrap or hyphenate at 320 px (WCAG 1.4.10) wherever they appear (issue: a topic titled
with one 62-letter word ran its breadcrumb 517 px wide)."""

import json

# Real Swedish compounds of 62 letters, one word each: titles and names must wrap or
# hyphenate at 320 px (WCAG 1.4.10) wherever they appear.
LONG_WORD = "Regionalutvecklingsfinansieringsstrategiimplementeringsarbetet"
LONG_WORD_2 = "Kompetensförsörjningsstrategiimplementeringsuppföljningsarbete"
assert len(LONG_WORD) == len(LONG_WORD_2) == 62


def long_title_states(conference):
    """Long titles and names in every kind of place: a speaker of `conference` (name,
    organisation, role, presentation); a topic under the demo topic and a strategy, each
    titled with one 62-letter word, with a long heading, document, contact card and related
    topic; a top-level topic with a long title in the main menu and among the home page's
    topics. Searching "smart specialisering" finds them too.

    Returns {name in PUBLIC_PAGES: page} for the new page states."""
    from contacts.factories import ContactPersonFactory
    from documents.factories import DocumentFactory
    from events.factories import SpeakerFactory
    from pages.factories import StrategyDocumentPageFactory
    from pages.models import HomePage, StrategyIndexPage, TopicPage

    long_document = DocumentFactory(title=LONG_WORD_2, pages=2)
    SpeakerFactory(
        conference=conference,
        name=f"Anna-Karin {LONG_WORD_2}",
        role=f"Samordnare för {LONG_WORD}",
        organisation=f"Länsstyrelsens {LONG_WORD}",
        presentation=long_document,
    )
    home = HomePage.objects.get(locale__language_code="sv")
    contact = ContactPersonFactory(
        name=f"Maria {LONG_WORD_2}",
        title=f"Utredare för {LONG_WORD}",
        unit=f"Avdelningen för {LONG_WORD_2}",
        email=f"{LONG_WORD.lower()}@tillvaxtverket.se",
    )
    body = json.dumps(
        [
            {"type": "heading", "value": {"text": LONG_WORD_2, "level": "h2"}},
            {
                "type": "text",
                "value": {
                    "text": f"<p>Om smart specialisering och {LONG_WORD}. Läs "
                    f'<a linktype="document" id="{long_document.pk}">{LONG_WORD_2}</a>.</p>'
                },
            },
            {
                "type": "documents",
                "value": {"heading": LONG_WORD, "documents": [long_document.pk]},
            },
        ]
    )
    smart = TopicPage.objects.get(slug="smart-specialisering")
    topic = smart.add_child(
        instance=TopicPage(
            title=LONG_WORD,
            slug="lang-titel",
            introduction=f"Smart specialisering: {LONG_WORD_2} och {LONG_WORD}.",
            body=body,
            contact=contact,
        )
    )
    topic.save_revision().publish()
    in_menu = home.add_child(
        instance=TopicPage(
            title=LONG_WORD_2,
            slug="lang-meny",
            show_in_menus=True,
            introduction=f"Smart specialisering i {LONG_WORD}.",
        )
    )
    in_menu.save_revision().publish()
    home.featured_topics.create(page=in_menu, sort_order=1)
    home.save_revision().publish()
    strategy = StrategyDocumentPageFactory(
        parent=StrategyIndexPage.objects.get(locale__language_code="sv"),
        title=LONG_WORD_2,
        slug="lang-strategi",
        summary=f"<p>Smart specialisering och {LONG_WORD}.</p>",
        document=long_document,
    )
    strategy.related_topics.set([topic])
    strategy.save_revision().publish()
    return {"amnessida-lang-titel": topic, "strategi-lang-titel": strategy}
