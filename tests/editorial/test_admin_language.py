"""The admin speaks each editor's language, our own labels included; the public site stays Swedish.

Wagtail's own admin strings follow the user's preferred language out of the box; these
tests are about the project's strings (field names, tabs, dashboard panels), which come
from the English catalogue in ``locale/en``.
"""

import ast
import datetime
import gettext
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from documents.factories import DocumentFactory
from events.factories import ConferencePageFactory, SpeakerFactory
from events.models import ConferencePage

from .admin_actions import conference_form

pytestmark = pytest.mark.django_db

CATALOGUE = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES"


def prefer(client, language):
    profile = UserProfile.get_for_user(client.user)
    profile.preferred_language = language
    profile.save()
    return client


@pytest.fixture(autouse=True)
def fresh_edit_handler():
    """Wagtail names tabs after their heading once per process, in the language of the first
    request; start and end each test without that memory so the order of tests does not matter."""
    ConferencePage.get_edit_handler.cache_clear()
    yield
    ConferencePage.get_edit_handler.cache_clear()


@pytest.fixture
def english_client(redaktor_client):
    return prefer(redaktor_client, "en")


@pytest.fixture
def upcoming_conference(conference_index):
    start = timezone.now() + datetime.timedelta(days=30)
    conference = ConferencePageFactory(
        parent=conference_index,
        title="Regionala utvecklingsdagarna",
        start=start,
        end=start + datetime.timedelta(hours=6),
    )
    SpeakerFactory(conference=conference, name="Anna Berg")
    return conference


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def test_conference_editor_shows_our_tabs_fields_and_help_in_english(
    english_client, upcoming_conference
):
    html = get_html(english_client, edit_url(upcoming_conference))

    assert 'id="tab-label-speakers"' in html
    assert 'id="tab-label-date_and_place"' in html
    assert "Speakers in programme order" in html
    assert re.search(r'id="id_venue-label">\s*Venue\s*</label>', html)  # verbose_name "lokal"
    assert "For example Kulturens hus." in html  # help_text
    assert "Talare i programordning" not in html
    assert "Tid och plats" not in html
    assert "Till exempel Kulturens hus." not in html


def test_conference_editor_stays_swedish_for_a_swedish_editor(redaktor_client, upcoming_conference):
    html = get_html(prefer(redaktor_client, "sv"), edit_url(upcoming_conference))

    assert 'id="tab-label-talare"' in html
    assert "Talare i programordning" in html
    assert re.search(r'id="id_venue-label">\s*Lokal\s*</label>', html)
    assert "Till exempel Kulturens hus." in html
    assert "Speakers in programme order" not in html
    assert "Date and place" not in html


def test_dashboard_panels_speak_english_to_an_english_editor(english_client, upcoming_conference):
    html = get_html(english_client, reverse("wagtailadmin_home"))

    assert "Your drafts" in html
    assert "You have no unpublished changes." in html
    assert "Pages awaiting review" in html
    assert "Upcoming conferences" in html
    assert "Regionala utvecklingsdagarna" in html  # content itself is not translated
    assert "Dina utkast" not in html
    assert "Kommande konferenser" not in html


def test_dashboard_panels_stay_swedish_for_a_swedish_editor(redaktor_client, upcoming_conference):
    html = get_html(prefer(redaktor_client, "sv"), reverse("wagtailadmin_home"))

    assert "Dina utkast" in html
    assert "Sidor som väntar på granskning" in html
    assert "Kommande konferenser" in html
    assert "Your drafts" not in html


def test_public_conference_page_stays_swedish_for_a_logged_in_english_editor(
    english_client, upcoming_conference
):
    html = get_html(english_client, upcoming_conference.url)

    assert "Talare och presentationer" in html
    assert "Lägg till i din kalender" in html
    assert "Speakers and presentations" not in html
    assert "Add to your calendar" not in html


def test_public_conference_page_stays_swedish_for_a_visitor_asking_for_english(
    client, upcoming_conference
):
    response = client.get(upcoming_conference.url, HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="sv"' in html
    assert "Talare och presentationer" in html
    assert "Speakers and presentations" not in html


def test_preview_shows_an_english_editor_the_page_as_visitors_see_it_in_swedish(
    english_client, conference_index
):
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("events", "conferencepage", conference_index.pk),
    )
    form = conference_form(
        "Förhandsvisad konferens",
        "forhandsvisad",
        [("Anna Berg", "Region Norrbotten", DocumentFactory().pk)],
    )
    assert english_client.post(url, form).json()["is_valid"] is True

    html = get_html(english_client, url)

    assert "Talare och presentationer" in html
    assert "Presentation av Anna Berg" in html
    assert "Speakers and presentations" not in html


def _po_string(entry, keyword):
    match = re.search(rf'^{keyword} (".*"(?:\n".*")*)', entry, re.M)
    if not match:
        return None
    return "".join(ast.literal_eval(part) for part in match.group(1).split("\n"))


def po_entries(text):
    """(msgctxt or None, msgid) of each entry of a .po file (plural entries by their
    singular), header excluded."""
    entries = []
    for entry in text.split("\n\n"):
        msgid = _po_string(entry, "msgid")
        if msgid:
            entries.append((_po_string(entry, "msgctxt"), msgid))
    return entries


class Missing(gettext.NullTranslations):
    """Fallback that marks a msgid the compiled catalogue does not have."""

    def gettext(self, message):
        return None

    def ngettext(self, singular, plural, n):
        return None

    def pgettext(self, context, message):
        return None

    def npgettext(self, context, singular, plural, n):
        return None


def test_english_catalogue_translates_every_string_and_is_compiled():
    po = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    with open(CATALOGUE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    compiled.add_fallback(Missing())

    assert "#, fuzzy" not in po
    assert not re.search(r'^msgstr(\[\d\])? ""\n(?!")', po + "\n", re.M), "untranslated entry"
    entries = po_entries(po)
    assert len(entries) > 250
    not_compiled = [
        msgid
        for context, msgid in entries
        if (
            compiled.gettext(msgid) is None and compiled.ngettext(msgid, msgid, 1) is None
            if context is None
            else compiled.pgettext(context, msgid) is None
            and compiled.npgettext(context, msgid, msgid, 1) is None
        )
    ]
    assert not_compiled == [], "django.mo is older than django.po: run compilemessages"
