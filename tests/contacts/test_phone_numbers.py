"""Phone numbers as people write them become tel: links (RFC 3966, E.164) and vCard TEL
values; a number that cannot be called gives the editor a Swedish form error."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Site

from contacts.factories import ContactPersonFactory
from contacts.models import ContactPerson
from core.models import SiteSettings
from core.phone import phone_uri
from pages.factories import TopicPageFactory

WRITTEN_AS_PEOPLE_DO = [
    ("08-681 91 32", "tel:+4686819132"),
    ("(08) 681 91 32", "tel:+4686819132"),
    ("+46 8 681 91 32", "tel:+4686819132"),
    ("0046 8 681 91 32", "tel:+4686819132"),
    ("+46 (0)8 681 91 32", "tel:+4686819132"),
    ("08 6819132", "tel:+4686819132"),
    ("070-123 45 67", "tel:+46701234567"),
    ("0771-12 34 56", "tel:+46771123456"),
    ("+47 22 12 34 56", "tel:+4722123456"),
    ("+358 40 123 4567", "tel:+358401234567"),
]
NOT_CALLABLE = ["123", "hej", "08-681 91 32 99 99 99", "+46 0", "112233"]
ERROR = "Skriv ett telefonnummer som går att ringa"


@pytest.mark.parametrize(("written", "uri"), WRITTEN_AS_PEOPLE_DO)
def test_number_as_written_becomes_e164_tel_uri(written, uri):
    assert phone_uri(written) == uri
    assert ContactPerson(phone=written).phone_uri == uri


@pytest.mark.parametrize("text", ["", "   ", "hej", "1"])
def test_text_that_is_no_number_gives_no_link(text):
    assert phone_uri(text) == ""


@pytest.mark.parametrize(("written", "uri"), WRITTEN_AS_PEOPLE_DO[:7:3])
def test_card_links_and_vcard_carry_the_international_number(client, home, written, uri):
    contact = ContactPersonFactory(phone=written)
    page = TopicPageFactory(
        parent=home, body=json.dumps([{"type": "contact", "value": {"contact": contact.pk}}])
    )

    html = client.get(page.url).content.decode()
    vcard = client.get(reverse("contacts:vcard", args=[contact.pk])).content.decode()

    assert f'<a href="{uri}">{written}</a>' in html
    assert f"TEL;VALUE=uri;TYPE=work,voice:{uri}\r\n" in vcard


def test_an_old_unparseable_number_is_shown_but_not_linked(client, home):
    contact = ContactPersonFactory(phone="växeln")
    page = TopicPageFactory(
        parent=home, body=json.dumps([{"type": "contact", "value": {"contact": contact.pk}}])
    )

    html = client.get(page.url).content.decode()
    vcard = client.get(reverse("contacts:vcard", args=[contact.pk])).content.decode()

    assert "<dd>växeln</dd>" in html
    assert 'href="tel:' not in html
    assert "TEL" not in vcard


@pytest.mark.parametrize("phone", NOT_CALLABLE)
def test_contact_person_form_refuses_a_number_that_cannot_be_called(admin_client, phone):
    response = admin_client.post(
        "/admin/snippets/contacts/contactperson/add/",
        {"name": "Ny Person", "title": "", "unit": "", "email": "", "phone": phone},
    )

    assert response.status_code == 200
    assert ERROR in response.content.decode()
    assert not ContactPerson.objects.filter(name="Ny Person").exists()


@pytest.mark.parametrize("phone", ["(08) 681 91 32", "+47 22 12 34 56"])
def test_contact_person_form_keeps_the_number_as_written(admin_client, phone):
    response = admin_client.post(
        "/admin/snippets/contacts/contactperson/add/",
        {"name": "Ny Person", "title": "", "unit": "", "email": "", "phone": phone},
    )

    assert response.status_code == 302
    assert ContactPerson.objects.get(name="Ny Person").phone == phone


def site_settings_form(phone):
    return {
        "organisation_name": "Tillväxtverket",
        "tagline": "",
        "footer_address": "",
        "footer_phone": phone,
        "footer_email": "",
        "accessibility_page": "",
        "feedback_page": "",
    }


@pytest.mark.parametrize("phone", NOT_CALLABLE[:2])
def test_site_settings_refuse_a_footer_number_that_cannot_be_called(admin_client, home, phone):
    site = Site.objects.get()
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])

    response = admin_client.post(url, site_settings_form(phone))

    assert response.status_code == 200
    assert ERROR in response.content.decode()
    assert SiteSettings.for_site(site).footer_phone == ""


def test_footer_number_is_a_tel_link_and_json_ld_telephone_is_e164(admin_client, client, home):
    site = Site.objects.get()
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])

    response = admin_client.post(url, site_settings_form("08-681 91 00"))
    assert response.status_code == 302

    html = client.get("/").content.decode()
    assert '<a href="tel:+4686819100">08-681 91 00</a>' in html
    assert '"telephone": "+4686819100"' in html
