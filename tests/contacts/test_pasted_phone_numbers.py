"""A phone number pasted from Word, Outlook or a web page carries characters nobody sees:
Outlook's and Teams' direction marks around it (U+200E/U+200F, U+202A-U+202E), a byte
order mark, a zero-width space, Word's soft line break (U+000B), a tab, a line
separator (U+2028), or Swedish typography's narrow no-break space (U+202F) and thin space
(U+2009) between digit groups. The editor sees a number that can be called, so the form
must take it: no error, a tel: link, and no invisible character left in what visitors
read (a lone direction mark would turn the text after it around)."""

import json
import unicodedata

import pytest

from contacts.factories import ContactPersonFactory
from contacts.models import ContactPerson
from core.phone import phone_uri
from pages.factories import TopicPageFactory

PASTED = [
    "\u202a08-681 91 32\u202c",  # Outlook/Teams: left-to-right embedding around the number
    "\u200e08-681 91 32\u200e",  # left-to-right marks
    "\u200f08-681 91 32",  # right-to-left mark
    "\ufeff08-681 91 32",  # byte order mark at the start of a pasted cell
    "08-681\u200b91 32",  # zero-width space
    "08-681\u000b91 32",  # Word's soft line break (Shift+Enter)
    "08-681\t91 32",  # tab from a table cell
    "08-681\u202891 32",  # line separator
    "08\u202f681\u202f91\u202f32",  # narrow no-break space
    "08\u2009681\u200991\u200932",  # thin space
    "08-681\u2060 91 32",  # word joiner
]
NOT_SHOWN = {"Cc", "Cf", "Zl", "Zp"}


@pytest.mark.parametrize("pasted", PASTED)
def test_pasted_number_becomes_a_tel_link(pasted):
    assert phone_uri(pasted) == "tel:+4686819132"


@pytest.mark.parametrize("pasted", PASTED)
def test_contact_form_takes_a_pasted_number_and_keeps_no_invisible_character(admin_client, pasted):
    response = admin_client.post(
        "/admin/snippets/contacts/contactperson/add/",
        {"name": "Ny Person", "title": "", "unit": "", "email": "", "phone": pasted},
    )

    assert response.status_code == 302
    stored = ContactPerson.objects.get(name="Ny Person").phone
    assert [c for c in stored if unicodedata.category(c) in NOT_SHOWN] == []
    assert "".join(c for c in stored if c.isdigit()) == "086819132"
    assert stored == stored.strip()


def test_card_shows_the_number_without_direction_marks_and_links_it(client, home):
    contact = ContactPersonFactory(phone="\u202a08-681 91 32\u202c")
    page = TopicPageFactory(
        parent=home, body=json.dumps([{"type": "contact", "value": {"contact": contact.pk}}])
    )

    html = client.get(page.url).content.decode()

    assert '<a href="tel:+4686819132">08-681 91 32</a>' in html
