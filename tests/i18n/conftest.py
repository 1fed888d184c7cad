import pytest
from wagtail.models import Locale

from documents.factories import DocumentFactory
from events.factories import ConferencePageFactory
from events.models import ConferenceIndexPage
from pages.factories import TopicPageFactory


def translate(page, locale, **fields):
    translation = page.copy_for_translation(locale).specific
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def bilingual(home, english):
    """A Swedish home, conference index and conference with English translations, and a
    Swedish topic page without one."""
    index = home.add_child(
        instance=ConferenceIndexPage(
            title="Konferenser", slug="konferenser", introduction="", show_in_menus=True
        )
    )
    index.save_revision().publish()
    conference = ConferencePageFactory(
        parent=index, title="Smart specialisering 2018", slug="smart-specialisering-2018"
    )
    summary = DocumentFactory(title="Engelsk sammanfattning", language="en")
    conference.summary_documents.create(document=summary, title="Sammanfattning", sort_order=0)
    conference.save_revision().publish()
    topic = TopicPageFactory(parent=home, title="Bara svenska", slug="bara-svenska")
    en_home = translate(home, english, title="Home")
    en_index = translate(index, english, title="Conferences", slug="conferences")
    en_conference = translate(
        conference, english, title="Smart specialisation 2018", slug="smart-specialisation-2018"
    )
    en_conference.summary_documents.all().delete()
    en_conference.summary_documents.create(document=summary, title="Summary", sort_order=0)
    en_conference.save_revision().publish()
    return {
        "home": home,
        "index": index,
        "conference": conference,
        "topic": topic,
        "en_home": en_home,
        "en_index": en_index,
        "en_conference": en_conference,
        "summary": summary,
    }
