"""The English pages of the demo (issue 15): translations of the Swedish home page, the
Smart specialisation topic page with its section, the 2018 conference (the same speakers
and presentation files, the English summary as its main document) and the strategy, made
with Wagtail's ``copy_for_translation`` as an editor's "Translate" does. Safe to run again:
an existing translation is updated in place."""

import json

from wagtail.models import Locale

from demo import content
from demo import english_content as en
from demo.builders import edited_by_an_editor, paragraphs, smart_specialisation_body
from demo.programme import PROGRAMME
from demo.publishing import publish


def ensure_translation(source, locale, **fields):
    """The `locale` translation of `source` (its parent's translation must exist), with
    `fields` set and published."""
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale)
    elif edited_by_an_editor(page):
        return page.specific
    page = page.specific
    for field, value in fields.items():
        setattr(page, field, value)
    publish(page)
    page.refresh_from_db()
    return page


def ensure_english_pages(pages, contact, strategy_document):
    """`pages`: the Swedish demo pages by name (home, topics, regional, smart,
    conference_index, conference, publications, strategy). Returns the English ones."""
    locale, _created = Locale.objects.get_or_create(language_code="en")
    home = ensure_translation(
        pages["home"], locale, title=content.ORGANISATION, introduction=en.HOME_INTRODUCTION
    )
    conference_index = ensure_translation(pages["conference_index"], locale, **en.CONFERENCES)
    conference = ensure_conference(pages["conference"], locale)
    topics = ensure_translation(pages["topics"], locale, **en.TOPICS)
    regional = ensure_translation(pages["regional"], locale, **en.REGIONAL)
    smart = ensure_translation(
        pages["smart"],
        locale,
        slug=en.SMART_SLUG,
        title=en.SMART_TITLE,
        introduction=en.INTRO,
        body=json.dumps(smart_specialisation_body(en, conference, strategy_document, contact)),
    )
    publications = ensure_translation(pages["publications"], locale, **en.PUBLICATIONS)
    strategy = ensure_translation(
        pages["strategy"], locale, document=strategy_document, contact=contact, **en.STRATEGY
    )
    strategy.related_topics.set([smart])
    publish(strategy)
    # Re-read: the translations made below it changed its child count in the database.
    home.refresh_from_db()
    home.featured_topics.all().delete()
    home.featured_topics.create(page=smart, sort_order=0)
    english = {
        "home": home,
        "topics": topics,
        "regional": regional,
        "smart": smart,
        "conference_index": conference_index,
        "conference": conference,
        "publications": publications,
        "strategy": strategy,
    }
    home.hero_heading = en.HERO_HEADING
    home.quick_links.all().delete()
    for order, (name, text) in enumerate(en.QUICK_LINKS.items()):
        home.quick_links.create(page=english[name], text=text, sort_order=order)
    publish(home)
    return english


def ensure_conference(source, locale):
    """The English conference: the Swedish one's speakers and presentation files, their
    organisations and talks in English, and the English summary as its only document."""
    conference = ensure_translation(
        source,
        locale,
        body=json.dumps([{"type": "text", "value": {"text": paragraphs(en.CONFERENCE_TEXT)}}]),
        **en.CONFERENCE,
    )
    conference.speakers.all().delete()
    speakers = source.speakers.order_by("sort_order")
    for order, (speaker, organisation, slot, talk) in enumerate(
        zip(speakers, en.ORGANISATIONS, PROGRAMME, en.TALK_TITLES, strict=True)
    ):
        conference.speakers.create(
            name=speaker.name,
            organisation=organisation,
            presentation=speaker.presentation,
            sort_order=order,
            session=en.SESSIONS[slot[0]],
            start_time=slot[1],
            end_time=slot[2],
            talk_title=talk,
        )
    conference.summary_documents.all().delete()
    for order, summary in enumerate(source.summary_documents.order_by("sort_order")):
        conference.summary_documents.create(
            document=summary.document, title=en.SUMMARY_TITLE, sort_order=order
        )
    publish(conference)
    return conference
