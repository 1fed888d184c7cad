import json

from contacts.factories import ContactPersonFactory
from contacts.models import ContactPerson
from pages.factories import TopicPageFactory


def _page_with_card(home, contact):
    body = [{"type": "contact", "value": {"contact": contact.pk}}]
    return TopicPageFactory(parent=home, body=json.dumps(body))


def test_card_never_writes_the_email_address_whole(client, home):
    contact = ContactPersonFactory(email="cecilia.johansson@tillvaxtverket.se")
    page = _page_with_card(home, contact)

    html = client.get(page.url).content.decode()

    assert "cecilia.johansson@tillvaxtverket.se" not in html
    assert "mailto:cecilia" not in html


def test_card_tells_people_without_javascript_how_to_write(client, home):
    contact = ContactPersonFactory(email="cecilia.johansson@tillvaxtverket.se")
    page = _page_with_card(home, contact)

    html = client.get(page.url).content.decode()

    assert 'cecilia.johansson<span class="email-at"> [snabel-a] </span>tillvaxtverket.se' in html
    assert 'data-email-user="cecilia.johansson"' in html
    assert 'data-email-domain="tillvaxtverket.se"' in html


def test_phone_number_is_a_tel_link_in_international_form(client, home):
    contact = ContactPersonFactory(phone="08-681 91 32")
    page = _page_with_card(home, contact)

    html = client.get(page.url).content.decode()

    assert '<a href="tel:+4686819132">08-681 91 32</a>' in html


def test_tel_uri_keeps_international_numbers():
    assert ContactPerson(phone="+358 40 123 4567").phone_uri == "tel:+358401234567"
    assert ContactPerson(phone="0045 12 34 56 78").phone_uri == "tel:+4512345678"
    assert ContactPerson(phone="").phone_uri == ""


def test_vcard_download_contains_name_organisation_email_and_phone(client, home):
    contact = ContactPersonFactory(
        name="Cecilia Johansson",
        title="Handläggare",
        unit="Regional utveckling",
        email="cecilia.johansson@tillvaxtverket.se",
        phone="08-681 91 32",
    )

    response = client.get(f"/kontakt/{contact.pk}/vcard.vcf")

    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cecilia-johansson.vcf"'
    lines = response.content.decode().split("\r\n")
    assert lines[0] == "BEGIN:VCARD"
    assert "VERSION:4.0" in lines
    assert "FN:Cecilia Johansson" in lines
    assert "N:Johansson;Cecilia;;;" in lines
    assert "ORG:Tillväxtverket;Regional utveckling" in lines
    assert "TITLE:Handläggare" in lines
    assert "EMAIL;TYPE=work:cecilia.johansson@tillvaxtverket.se" in lines
    assert "TEL;VALUE=uri;TYPE=work,voice:tel:+4686819132" in lines
    assert lines[-2] == "END:VCARD"


def test_vcard_escapes_commas_and_semicolons(client, home):
    contact = ContactPersonFactory(title="Chef, analys; statistik")

    content = client.get(f"/kontakt/{contact.pk}/vcard.vcf").content.decode()

    assert "TITLE:Chef\\, analys\\; statistik" in content


def test_vcard_of_unpublished_contact_is_not_found(client, home):
    contact = ContactPersonFactory(live=False)

    assert client.get(f"/kontakt/{contact.pk}/vcard.vcf").status_code == 404


def test_contact_person_can_be_created_as_draft_in_admin(admin_client, db):
    response = admin_client.post(
        "/admin/snippets/contacts/contactperson/add/",
        {"name": "Ny Person", "title": "", "unit": "", "email": "ny@example.se", "phone": ""},
    )

    assert response.status_code == 302
    person = ContactPerson.objects.get(name="Ny Person")
    assert person.live is False
    assert person.latest_revision is not None
