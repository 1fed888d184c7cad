"""Deleting something live pages use says what will disappear, also where a page shows it
without referring to it itself (core/usage.py): a conference block showing the
conference's summaries, the strategy list and start page showing a strategy's document,
a contact card showing the contact's photo; and links in rich text inside a StreamField."""

import json

import pytest
from django.urls import reverse
from wagtail_factories import ImageFactory

from contacts.factories import ContactPersonFactory
from core.usage import live_pages_losing
from documents.factories import DocumentFactory
from events.factories import SpeakerFactory
from events.models import ConferenceSummaryDocument
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory


def losses_by_title(obj):
    return {loss.page.title: loss.losses for loss in live_pages_losing(obj)}


def conference_block(conference):
    return json.dumps(
        [{"type": "conference", "value": {"conference": conference.pk, "show_speakers": True}}]
    )


@pytest.mark.parametrize("use", ["summary", "presentation"])
def test_a_page_showing_a_conference_block_loses_the_conferences_documents(
    admin_client, home, conference, use
):
    document = DocumentFactory(title="Sammanfattning 2018")
    if use == "summary":
        ConferenceSummaryDocument.objects.create(conference=conference, document=document)
    else:
        SpeakerFactory(conference=conference, name="Anna Andersson", presentation=document)
    conference.save_revision().publish()
    topic = TopicPageFactory(
        parent=home, title="Smart specialisering", body=conference_block(conference)
    )
    topic.save_revision().publish()
    TopicPageFactory(parent=home, title="Utkast", body=conference_block(conference), live=False)

    response = admin_client.get(reverse("wagtaildocs:delete", args=[document.pk]))

    html = response.content.decode()
    assert "Smart specialisering" in html and "Nationell konferens 2018" in html
    assert "Utkast" not in html
    (shown,) = losses_by_title(document)["Smart specialisering"]
    assert shown.startswith("Blocket som visar ”Nationell konferens 2018” → ")
    assert ("Anna Andersson" in shown) == (use == "presentation")


def test_the_strategy_list_and_start_page_lose_the_strategys_document(admin_client, home):
    document = DocumentFactory(title="Strategi för smart specialisering")
    strategies = StrategyIndexPageFactory(parent=home, title="Publikationer")
    strategy = StrategyDocumentPageFactory(parent=strategies, title="Strategin", document=document)
    strategy.save_revision().publish()

    response = admin_client.get(reverse("wagtaildocs:delete", args=[document.pk]))

    losses = losses_by_title(document)
    assert set(losses) == {"Strategin", "Publikationer", home.title}
    assert losses["Publikationer"] == [losses[home.title][0]]
    assert losses["Publikationer"][0].startswith("Listan som visar ”Strategin” → ")
    html = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[strategies.pk]) in html


def test_an_older_strategy_is_not_said_to_leave_the_start_page(home):
    strategies = StrategyIndexPageFactory(parent=home, title="Publikationer")
    document = DocumentFactory()
    old = StrategyDocumentPageFactory(
        parent=strategies, title="Gammal", document=document, publication_date="2010-01-01"
    )
    for year in (2020, 2021, 2022):
        StrategyDocumentPageFactory(parent=strategies, publication_date=f"{year}-01-01")
    old.save_revision().publish()

    assert set(losses_by_title(document)) == {"Gammal", "Publikationer"}


def test_a_document_linked_in_rich_text_inside_the_body_is_named(admin_client, home):
    document = DocumentFactory(title="Bilaga")
    text = f'<p>Läs <a linktype="document" id="{document.pk}">bilagan</a>.</p>'
    body = json.dumps([{"type": "text", "value": {"text": text}}])
    TopicPageFactory(parent=home, title="Ämne med länk", body=body).save_revision().publish()

    response = admin_client.get(reverse("wagtaildocs:delete", args=[document.pk]))

    assert "Ämne med länk" in response.content.decode()


def test_pages_showing_a_contact_lose_the_contacts_photo_when_the_image_goes(admin_client, home):
    photo = ImageFactory(title="Porträtt")
    contact = ContactPersonFactory(name="Cecilia Johansson", photo=photo)
    topic = TopicPageFactory(parent=home, title="Exportstöd", contact=contact)
    topic.save_revision().publish()
    ContactPersonFactory(name="Utkastkontakt", photo=photo, live=False)

    response = admin_client.get(reverse("wagtailimages:delete", args=[photo.pk]))

    assert losses_by_title(photo) == {"Exportstöd": ["Kontaktperson ”Cecilia Johansson” → Foto"]}
    html = response.content.decode()
    assert "Publicerade sidor tappar detta" in html
    assert "Exportstöd" in html and "Cecilia Johansson" in html


def test_bulk_delete_of_images_names_the_pages_showing_the_contacts_photo(admin_client, home):
    photo = ImageFactory(title="Porträtt")
    contact = ContactPersonFactory(name="Cecilia Johansson", photo=photo)
    TopicPageFactory(parent=home, title="Exportstöd", contact=contact).save_revision().publish()
    url = reverse("wagtail_bulk_action", args=("wagtailimages", "image", "delete"))

    response = admin_client.get(f"{url}?id={photo.pk}")

    html = response.content.decode()
    assert "Publicerade sidor tappar detta när du tar bort ”Porträtt”" in html
    assert "Exportstöd" in html
