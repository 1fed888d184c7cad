"""Control characters (Word's U+000B soft line break and the rest of C0) never reach
storage from any editor field: the normaliser runs before every model's save, through the
admin and in Wagtail's own models. tests/core/test_control_characters_in_outputs.py:
the outputs."""

import json

import pytest
from django.apps import apps
from django.db import models
from django.db.models.signals import pre_save
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Revision, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from contacts.models import ContactPerson
from core.control_characters import clean_text, normalise_model_text
from core.models import SiteSettings
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from feedback.factories import FeedbackFormPageFactory
from feedback.models import FeedbackFormField
from pages.models import TopicPage
from tests.core.hostile_text import C0, FORBIDDEN


@pytest.mark.parametrize("char", C0, ids=lambda c: f"U+{ord(c):04X}")
def test_every_c0_control_character_is_cleaned(char):
    cleaned = clean_text(f"före{char}efter")
    assert not FORBIDDEN.search(cleaned)
    assert cleaned.startswith("före") and cleaned.endswith("efter")


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ud800", "\udfff", "\x7f"])
def test_non_characters_and_lone_surrogates_are_removed(char):
    assert clean_text(f"a{char}b") == "ab"


def test_words_soft_line_break_becomes_a_line_break_or_a_space():
    assert clean_text("Rad ett\x0bRad två") == "Rad ett\nRad två"
    assert clean_text("Rad ett\x0cRad två") == "Rad ett\nRad två"
    assert clean_text("Smart\x0bspecialisering", " ") == "Smart specialisering"


def test_no_other_text_is_lost():
    text = "Tab\tny rad\r\nÅÄÖ åäö ﬁ – “citat” 😀 Ελληνικά 中文 \u00a0\u200b\u0085"
    assert clean_text(text) == text


def test_the_normaliser_runs_before_every_models_save():
    for model in apps.get_models():
        sync_receivers, _async_receivers = pre_save._live_receivers(model)
        assert normalise_model_text in sync_receivers, model


@pytest.mark.parametrize(
    "model",
    [
        m
        for m in apps.get_models()
        if any(
            isinstance(f, (models.CharField, models.TextField)) and not f.choices
            for f in m._meta.concrete_fields
        )
    ],
    ids=lambda m: m._meta.label,
)
def test_every_text_field_of_every_model_is_cleaned_before_saving(db, model):
    """Ours and Wagtail's (pages, snippets, images, documents, collections, form fields,
    settings, revisions, users): every CharField and TextField."""
    instance = model()
    fields = [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices
    ]
    for field in fields:
        setattr(instance, field.attname, "Smart\x0bspecialisering\x01\x1f\ufffe")
    normalise_model_text(model, instance)
    for field in fields:
        value = getattr(instance, field.attname)
        assert not FORBIDDEN.search(value), field
        assert value.startswith("Smart") and value.endswith("specialisering"), field


def stored_text(instance):
    """Every text value of a saved row and its latest revision, as the database has it."""
    row = type(instance).objects.filter(pk=instance.pk).values().get()
    texts = [json.dumps(row, default=str, ensure_ascii=False)]
    revision = getattr(instance, "latest_revision", None)
    if revision is not None:
        revision.refresh_from_db()
        texts.append(json.dumps(revision.content, ensure_ascii=False))
    # Decode the JSON again so StreamField data inside revisions is seen as stored text.
    return "\n".join(texts).encode().decode("unicode_escape", errors="ignore")


def test_page_saved_through_the_admin_stores_no_control_character(admin_client, home):
    """The issue's input: a title pasted from Word, in every kind of field of a page."""
    form = nested_form_data(
        {
            "title": "Smart\x0bspecialisering",
            "slug": "smart",
            "introduction": "Rad ett\x0bRad två\x01",
            "body": streamfield(
                [
                    ("heading", {"text": "Rubrik\x0bdel två\x1f", "level": "h2"}),
                    ("text", {"text": rich_text("<p>Stycke\x0bett\x02 och två</p>")}),
                    ("callout", {"heading": "Ruta\x0c", "text": rich_text("<p>Fakta\x0b</p>")}),
                ]
            ),
            "contact": "",
            "related_pages": inline_formset([]),
            "seo_title": "SEO\x0btitel",
            "search_description": "Beskrivning\x0b\x1b",
            "action-publish": "1",
        }
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("pages", "topicpage", home.pk)), form
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    page = TopicPage.objects.get(slug="smart")
    assert page.title == "Smart specialisering"
    assert page.introduction == "Rad ett\nRad två"
    assert page.seo_title == "SEO titel"
    assert page.body[0].value["text"] == "Rubrik\ndel två"
    assert "Stycke\nett och två</p>" in str(page.body[1].value["text"])
    assert not FORBIDDEN.search(stored_text(page))

    # A draft saved afterwards: the revision is clean too.
    form["title"] = "Ny\x0btitel"
    form.pop("action-publish")
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.draft_title == "Ny titel"
    assert not FORBIDDEN.search(stored_text(page))
    assert page.get_latest_revision_as_object().title == "Ny titel"


def test_snippet_and_settings_saved_through_the_admin_store_no_control_character(
    admin_client, home
):
    response = admin_client.post(
        reverse("wagtailsnippets_contacts_contactperson:add"),
        {
            "name": "Cecilia\x0bJohansson",
            "title": "Handläggare\x07",
            "unit": "Regional\x0butveckling",
            "email": "",
            "phone": "",
        },
    )
    assert response.status_code == 302
    contact = ContactPerson.objects.get()
    assert contact.name == "Cecilia Johansson"
    assert not FORBIDDEN.search(stored_text(contact))

    site = Site.objects.get()
    response = admin_client.post(
        reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk]),
        {
            "organisation_name": "Tillväxt\x0bverket",
            "tagline": "Slogan\x1e",
            "footer_address": "Box 4044\x0b102 61 Stockholm",
            "footer_phone": "",
            "footer_email": "",
            "accessibility_page": "",
            "feedback_page": "",
        },
    )
    assert response.status_code == 302
    site_settings = SiteSettings.for_site(site)
    assert site_settings.organisation_name == "Tillväxt verket"
    assert site_settings.footer_address == "Box 4044\n102 61 Stockholm"


def test_wagtails_own_models_store_no_control_character(home):
    """Saved as any path saves them: documents, images, collections, form builder fields,
    speakers and a lone surrogate that the database could not even encode."""
    document = DocumentFactory(title="Rapport\x0b2018\ud800")
    image = get_image_model().objects.create(
        title="Bild\x0b", description="Alt\x0btext\x1f", file=get_test_image_file()
    )
    collection = Collection.get_first_root_node().add_child(name="Samling\x0b\x00")
    form_page = FeedbackFormPageFactory(parent=home)
    field = FeedbackFormField.objects.create(
        page=form_page, label="Ditt\x0bnamn", field_type="singleline"
    )
    conference = ConferencePageFactory(parent=ConferenceIndexPageFactory(parent=home))
    speaker = SpeakerFactory(conference=conference, name="Anna\x0bSvensson", organisation="X\x02")

    for instance in (document, image, collection, field, speaker):
        assert not FORBIDDEN.search(stored_text(instance)), instance
    assert document.title == "Rapport 2018"
    assert image.description == "Alt text"
    assert field.label == "Ditt namn"


def test_revision_streamfield_is_cleaned_inside_its_json_text(home):
    page = TopicPage(title="Ämne", slug="amne", body=json.dumps([]))
    home.add_child(instance=page)
    page.body = json.dumps([{"type": "heading", "value": {"text": "A\x0bB", "level": "h2"}}])
    revision = page.save_revision()
    revision = Revision.objects.get(pk=revision.pk)
    assert "\\u000b" not in revision.content["body"]
    assert json.loads(revision.content["body"])[0]["value"]["text"] == "A\nB"
    assert isinstance(TopicPage._meta.get_field("body"), StreamField)
