"""Blocks refuse to be saved empty, and render nothing once everything in them has gone
(deleted or hidden documents, unpublished conferences and contacts, empty text): never a
heading over an empty structure."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from contacts.factories import ContactPersonFactory
from core.blocks import (
    CalloutBlock,
    ConferenceBlock,
    ContactCardBlock,
    DocumentListBlock,
    HeadingBlock,
    TextBlock,
)
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from events.models import ConferenceSummaryDocument
from pages.factories import TopicPageFactory
from pages.models import TopicPage


def closed_collection():
    internal = Collection.get_first_root_node().add_child(name="Internt")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type="password", password="x"
    )
    return internal


def topic_with(home, *blocks):
    return TopicPageFactory(parent=home, slug="amne", body=json.dumps(list(blocks)))


def main_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def documents_block(*documents, heading="Läs mer"):
    return {"type": "documents", "value": {"heading": heading, "documents": list(documents)}}


# Saving


def block_errors(block, value):
    with pytest.raises(ValidationError) as raised:
        block.clean(block.to_python(value))
    return json.dumps(raised.value.as_json_data(), ensure_ascii=False)


def test_document_list_without_documents_cannot_be_saved(db):
    errors = block_errors(DocumentListBlock(), {"heading": "Läs mer", "documents": []})
    assert "Välj minst ett dokument, eller ta bort dokumentlistan." in errors


def test_document_list_with_only_an_empty_chooser_cannot_be_saved(db):
    errors = block_errors(DocumentListBlock(), {"heading": "Läs mer", "documents": [None]})
    assert "Välj minst ett dokument" in errors


@pytest.mark.parametrize(
    ("block", "value"),
    [
        (CalloutBlock(), {"heading": "Bra att veta", "text": ""}),
        (CalloutBlock(), {"heading": "", "text": "<p>Text</p>"}),
        (HeadingBlock(), {"text": "", "level": "h2"}),
        (TextBlock(), {"text": ""}),
    ],
    ids=["callout-text", "callout-heading", "heading", "text"],
)
def test_blocks_with_nothing_to_show_cannot_be_saved(db, block, value):
    assert "Det här fältet är obligatoriskt" in block_errors(block, value)


@pytest.mark.parametrize(
    ("block", "value", "message"),
    [
        (
            ConferenceBlock(),
            {"conference": None, "show_speakers": True},
            "Välj en konferens, eller ta bort konferensblocket.",
        ),
        (
            ContactCardBlock(),
            {"contact": None},
            "Välj en kontaktperson, eller ta bort kontaktkortet.",
        ),
    ],
    ids=["conference", "contact"],
)
def test_blocks_without_a_choice_say_what_to_choose(db, block, value, message):
    assert message in block_errors(block, value)


def test_the_admin_refuses_an_empty_document_list_with_a_swedish_message(admin_client, home):
    form = nested_form_data(
        {
            "title": "Ämne",
            "slug": "amne",
            "introduction": "",
            "body": streamfield(
                [("documents", {"heading": "Läs mer", "documents": streamfield([])})]
            ),
            "contact": "",
            "related_pages": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("pages", "topicpage", home.pk)), form
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The block errors travel to the editor's JavaScript as JSON in an HTML attribute.
    assert r"V\u00e4lj minst ett dokument, eller ta bort dokumentlistan." in html
    assert not TopicPage.objects.filter(slug="amne").exists()


def test_the_admin_saves_a_document_list_with_a_document(admin_client, home):
    document = DocumentFactory()
    form = nested_form_data(
        {
            "title": "Ämne",
            "slug": "amne",
            "introduction": "",
            "body": streamfield(
                [
                    (
                        "documents",
                        {"heading": "Läs mer", "documents": streamfield([("item", document.pk)])},
                    ),
                    ("callout", {"heading": "Bra att veta", "text": rich_text("<p>Fakta</p>")}),
                ]
            ),
            "contact": "",
            "related_pages": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("pages", "topicpage", home.pk)), form
    )
    assert response.status_code == 302
    assert TopicPage.objects.get(slug="amne").body[0].block_type == "documents"


# Rendering


def test_document_list_renders_only_documents_left(client, home):
    kept = DocumentFactory(title="Kvar")
    deleted = DocumentFactory(title="Borttagen")
    hidden = DocumentFactory(title="Intern", collection=closed_collection())
    page = topic_with(home, documents_block(kept.pk, deleted.pk, hidden.pk))
    deleted.delete()

    html = main_html(client, page)

    assert html.count("<li>") == 1
    assert "Kvar" in html and "Intern" not in html


@pytest.mark.parametrize("gone", ["deleted", "hidden", "both"])
def test_document_list_with_no_document_left_renders_nothing(client, home, gone):
    documents = []
    if gone in ("deleted", "both"):
        documents.append(DocumentFactory(title="Borttagen"))
    if gone in ("hidden", "both"):
        documents.append(DocumentFactory(title="Intern", collection=closed_collection()))
    page = topic_with(home, documents_block(*[d.pk for d in documents]))
    for document in documents:
        if document.title == "Borttagen":
            document.delete()

    html = main_html(client, page)

    assert "Läs mer" not in html
    assert "document-list" not in html
    assert "<ul" not in html


def test_document_list_stored_empty_renders_nothing(client, home):
    page = topic_with(home, documents_block())
    assert "Läs mer" not in main_html(client, page)


def test_conference_block_of_an_unpublished_conference_renders_nothing(client, home):
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), title="Luleåkonferensen"
    )
    page = topic_with(
        home, {"type": "conference", "value": {"conference": conference.pk, "show_speakers": True}}
    )
    assert "Luleåkonferensen" in main_html(client, page)

    conference.unpublish()

    html = main_html(client, page)
    assert "Luleåkonferensen" not in html
    assert "conference-summary" not in html


def test_conference_block_of_a_deleted_conference_renders_nothing(client, home):
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), title="Luleåkonferensen"
    )
    page = topic_with(
        home, {"type": "conference", "value": {"conference": conference.pk, "show_speakers": True}}
    )
    conference.delete()

    assert "conference-summary" not in main_html(client, page)


def test_conference_summaries_all_hidden_show_no_empty_list(client, home):
    conference = ConferencePageFactory(parent=ConferenceIndexPageFactory(parent=home))
    ConferenceSummaryDocument.objects.create(
        conference=conference, document=DocumentFactory(collection=closed_collection())
    )
    page = topic_with(
        home, {"type": "conference", "value": {"conference": conference.pk, "show_speakers": True}}
    )

    assert "conference-summary__documents" not in main_html(client, page)
    assert "Sammanfattning av konferensen" not in main_html(client, conference)


@pytest.mark.parametrize("gone", ["unpublished", "deleted"])
def test_contact_card_of_a_contact_gone_renders_nothing(client, home, gone):
    contact = ContactPersonFactory(name="Cecilia Johansson")
    page = topic_with(home, {"type": "contact", "value": {"contact": contact.pk}})
    assert "Cecilia Johansson" in main_html(client, page)

    if gone == "unpublished":
        contact.unpublish()
    else:
        contact.delete()

    html = main_html(client, page)
    assert "Cecilia Johansson" not in html
    assert "contact-card" not in html


@pytest.mark.parametrize("text", ["", "<p></p>", "<p> </p>", "<p><br/></p>"])
def test_empty_callout_renders_nothing(client, home, text):
    page = topic_with(home, {"type": "callout", "value": {"heading": "Bra att veta", "text": text}})

    html = main_html(client, page)

    assert "Bra att veta" not in html
    assert "callout" not in html


def test_callout_with_text_renders(client, home):
    page = topic_with(
        home, {"type": "callout", "value": {"heading": "Bra att veta", "text": "<p>Fakta</p>"}}
    )
    html = main_html(client, page)
    assert "Bra att veta" in html and "Fakta" in html


def test_stream_value_of_a_deleted_document_is_none(home):
    """What the rendering relies on: Wagtail gives None for a chooser whose object is gone."""
    document = DocumentFactory()
    page = topic_with(home, documents_block(document.pk))
    document.delete()
    page = TopicPage.objects.get(pk=page.pk)
    assert isinstance(page.body, StreamValue)
    assert list(page.body[0].value["documents"]) == [None]
