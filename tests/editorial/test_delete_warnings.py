"""Before deleting a document or a contact person, the editor is told what will
disappear from which live pages (Wagtail's reference index), with links to them."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model

from contacts.factories import ContactPersonFactory
from contacts.models import ContactPerson
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory

Document = get_document_model()


@pytest.fixture
def presentation(home):
    """A document that is a speaker's presentation on a live conference, the strategy
    document of a live strategy page, and the presentation on an unpublished draft."""
    document = DocumentFactory(title="Bilder från Luleå")
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), title="Nationell konferens 2018"
    )
    SpeakerFactory(conference=conference, name="Anna Andersson", presentation=document)
    conference.save_revision().publish()
    strategy = StrategyDocumentPageFactory(
        parent=StrategyIndexPageFactory(parent=home), title="Strategin", document=document
    )
    strategy.save_revision().publish()
    draft = ConferencePageFactory(
        parent=conference.get_parent(), title="Utkast till konferens", live=False
    )
    SpeakerFactory(conference=draft, name="Bo Berg", presentation=document)
    draft.save_revision()
    return document


@pytest.fixture
def contact(home):
    person = ContactPersonFactory(name="Cecilia Johansson")
    topic = TopicPageFactory(parent=home, title="Smart specialisering", contact=person)
    topic.save_revision().publish()
    return person


def test_document_delete_confirmation_names_the_live_pages_and_what_they_lose(
    admin_client, presentation
):
    response = admin_client.get(reverse("wagtaildocs:delete", args=[presentation.pk]))

    assert response.status_code == 200
    losses = {loss.page.title: loss.losses for loss in response.context["live_page_losses"]}
    # The strategy list and the start page show the strategy's document too
    # (tests/editorial/test_indirect_delete_warnings.py).
    assert {"Nationell konferens 2018", "Strategin"} <= set(losses)
    assert any(
        "Presentation" in what and "Anna Andersson" in what
        for what in losses["Nationell konferens 2018"]
    )
    html = response.content.decode()
    assert "Publicerade sidor tappar detta" in html
    assert "Nationell konferens 2018" in html
    assert "Utkast till konferens" not in html
    for loss in response.context["live_page_losses"]:
        assert reverse("wagtailadmin_pages:edit", args=[loss.page.pk]) in html


def test_contact_delete_confirmation_names_the_page_that_loses_its_contact_card(
    admin_client, contact
):
    url = reverse("wagtailsnippets_contacts_contactperson:delete", args=[contact.pk])

    response = admin_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Publicerade sidor tappar detta" in html
    assert "Smart specialisering" in html
    assert "Kontaktperson" in html


def test_delete_confirmation_of_an_unused_document_warns_of_nothing(admin_client, home):
    document = DocumentFactory()

    response = admin_client.get(reverse("wagtaildocs:delete", args=[document.pk]))

    assert response.status_code == 200
    assert "Publicerade sidor tappar detta" not in response.content.decode()


def test_confirmed_delete_still_deletes(admin_client, presentation, contact):
    admin_client.post(reverse("wagtaildocs:delete", args=[presentation.pk]))
    admin_client.post(reverse("wagtailsnippets_contacts_contactperson:delete", args=[contact.pk]))

    assert not Document.objects.filter(pk=presentation.pk).exists()
    assert not ContactPerson.objects.filter(pk=contact.pk).exists()


def bulk_delete_url(app_label, model_name, *objects):
    ids = "&".join(f"id={obj.pk}" for obj in objects)
    return reverse("wagtail_bulk_action", args=(app_label, model_name, "delete")) + "?" + ids


def test_bulk_delete_of_documents_names_the_live_pages_of_each(admin_client, presentation):
    unused = DocumentFactory(title="Oanvänd")

    response = admin_client.get(
        bulk_delete_url("documents", "agencydocument", presentation, unused)
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Publicerade sidor tappar detta när du tar bort ”Bilder från Luleå”" in html
    assert "Nationell konferens 2018" in html
    assert "Strategin" in html
    assert "tar bort ”Oanvänd”" not in html


def test_bulk_delete_of_contacts_names_the_page_that_loses_its_card(admin_client, contact):
    other = ContactPersonFactory(name="David Ek")

    response = admin_client.get(bulk_delete_url("contacts", "contactperson", contact, other))

    assert response.status_code == 200
    html = response.content.decode()
    assert "tar bort ”Cecilia Johansson" in html
    assert "Smart specialisering" in html
    assert "tar bort ”David Ek" not in html


def test_a_summary_document_is_named_by_its_link_text_not_as_a_python_object(admin_client, home):
    """Seen in the demo: "Sammanfattning → Dokument (ConferenceSummaryDocument object (1))"."""
    from events.models import ConferenceSummaryDocument

    document = DocumentFactory(title="Smart specialisation – summary")
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), title="Nationell konferens 2018"
    )
    ConferenceSummaryDocument.objects.create(conference=conference, document=document)
    ConferenceSummaryDocument.objects.create(
        conference=conference, document=document, title="Sammanfattning på svenska"
    )
    conference.save_revision().publish()

    response = admin_client.get(reverse("wagtaildocs:delete", args=[document.pk]))

    html = response.content.decode()
    assert "object (" not in html
    (loss,) = response.context["live_page_losses"]
    assert any("(Smart specialisation – summary)" in what for what in loss.losses), loss.losses
    assert any("(Sammanfattning på svenska)" in what for what in loss.losses), loss.losses
