"""What editors meet in the admin: tabs, the speaker inline, previews, language, snippets."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from contacts.factories import ContactPersonFactory
from contacts.models import ContactPerson
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import TopicPage

from .admin_actions import add_conference, approve, conference_form

pytestmark = pytest.mark.django_db

CONTACT_ADMIN = "wagtailsnippets_contacts_contactperson"


def edit_page(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


def test_conference_editor_has_tabs_for_content_time_and_place_and_speakers(
    redaktor_client, conference_index
):
    conference = ConferencePageFactory(parent=conference_index)

    html = edit_page(redaktor_client, conference)

    for tab in ("innehall", "tid_och_plats", "talare", "marknadsforing"):
        assert f'id="tab-label-{tab}"' in html, tab


def test_strategy_editor_has_a_tab_for_the_document_and_topics(redaktor_client, home):
    strategy = StrategyDocumentPageFactory(parent=StrategyIndexPageFactory(parent=home))

    html = edit_page(redaktor_client, strategy)

    assert "Dokument och ämnen" in html
    assert "Strategin visas som relaterad läsning" in html


@pytest.mark.parametrize("factory", [TopicPageFactory, StrategyIndexPageFactory])
def test_every_page_type_opens_in_the_editor_for_a_redaktor(redaktor_client, home, factory):
    page = factory(parent=home)

    html = edit_page(redaktor_client, page)

    assert "Marknadsför" in html


def test_home_page_editor_explains_featured_topics(redaktor_client, home):
    assert "Högst sex ämnessidor" in edit_page(redaktor_client, home)


def test_speakers_are_an_orderable_inline_with_a_document_chooser_that_uploads(
    redaktor_client, conference_index
):
    conference = ConferencePageFactory(parent=conference_index)
    SpeakerFactory(conference=conference, name="Anna Berg")
    SpeakerFactory(conference=conference, name="Erik Lind")

    html = edit_page(redaktor_client, conference)
    assert 'id="id_speakers-ADD"' in html
    assert "data-inline-panel-child-move-up" in html
    assert 'id="id_speakers-0-presentation-chooser"' in html
    assert "Anna Berg" in html and "Erik Lind" in html

    chooser = redaktor_client.get(reverse("wagtaildocs_chooser:choose"))
    assert chooser.status_code == 200
    assert "document-chooser-upload-file" in chooser.json()["html"]


def test_reordering_speakers_in_the_editor_changes_the_public_order(
    client, conference_index, granskare_client
):
    documents = [DocumentFactory(), DocumentFactory()]
    speakers = [
        ("Anna Berg", "Region Norrbotten", documents[0].pk),
        ("Erik Lind", "LTU", documents[1].pk),
    ]
    add_conference(
        granskare_client,
        conference_index,
        conference_form("Ordning", "ordning", speakers, **{"action-publish": "1"}),
    )
    conference = Page.objects.get(slug="ordning").specific
    saved = list(conference.speakers.order_by("sort_order"))
    form = conference_form("Ordning", "ordning", list(reversed(speakers)))
    # Keep the saved rows, swapped: ORDER decides, as when an editor drags them.
    for index, speaker in enumerate(reversed(saved)):
        form[f"speakers-{index}-id"] = str(speaker.pk)
    form["speakers-INITIAL_FORMS"] = "2"
    form["action-publish"] = "1"
    response = granskare_client.post(
        reverse("wagtailadmin_pages:edit", args=(conference.pk,)), form
    )
    assert response.status_code == 302

    html = client.get(conference.url).content.decode()
    assert html.index("Erik Lind") < html.index("Anna Berg")


def test_preview_of_an_unsaved_conference_looks_like_the_public_page(
    redaktor_client, conference_index
):
    document = DocumentFactory(title="Presentation Anna Berg")
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("events", "conferencepage", conference_index.pk),
    )
    form = conference_form(
        "Förhandsvisad konferens",
        "forhandsvisad",
        [("Anna Berg", "Region Norrbotten", document.pk)],
    )

    assert redaktor_client.post(url, form).json()["is_valid"] is True
    preview = redaktor_client.get(url)

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "<h1" in html and "Förhandsvisad konferens" in html
    assert "Talare och presentationer" in html
    assert "Presentation av Anna Berg" in html
    assert 'lang="sv"' in html


def test_admin_speaks_swedish_by_default_and_english_to_who_chooses_it(redaktor_client, home):
    swedish = redaktor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sök bland alla sidor" in swedish

    profile = UserProfile.get_for_user(redaktor_client.user)
    profile.preferred_language = "en"
    profile.save()

    english = redaktor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Search all pages" in english
    assert "Sök bland alla sidor" not in english


def test_account_settings_offer_exactly_swedish_and_english(redaktor_client, home):
    response = redaktor_client.get(reverse("wagtailadmin_account"))

    html = response.content.decode()
    assert 'value="sv"' in html and 'value="en"' in html
    assert 'value="de"' not in html


def contact_form(**actions):
    return nested_form_data(
        {
            "name": "Per Persson",
            "title": "Handläggare",
            "unit": "Regional utveckling",
            "email": "per.persson@example.com",
            "phone": "08-681 91 00",
            "photo": "",
            "go_live_at": "",
            "expire_at": "",
            **actions,
        }
    )


def test_contact_person_submitted_by_redaktor_goes_live_after_a_granskare_approves(
    redaktor_client, granskare_client, home
):
    response = redaktor_client.post(
        reverse(f"{CONTACT_ADMIN}:add"), contact_form(**{"action-submit": "1"})
    )
    assert response.status_code == 302
    contact = ContactPerson.objects.get(name="Per Persson")
    assert not contact.live
    assert contact.workflow_in_progress

    task_state = contact.current_workflow_task_state
    response = granskare_client.post(
        reverse(f"{CONTACT_ADMIN}:workflow_action", args=(contact.pk, "approve", task_state.pk)),
        {"comment": ""},
    )

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.live


def test_redaktor_cannot_publish_a_contact_person(redaktor_client, home):
    redaktor_client.post(reverse(f"{CONTACT_ADMIN}:add"), contact_form(**{"action-publish": "1"}))

    assert not ContactPerson.objects.get(name="Per Persson").live


def test_topic_page_with_a_document_and_a_contact_card_reaches_visitors_after_review(
    client, home, redaktor_client, granskare_client
):
    """The issue's "done when", through the admin: draft, submit, approve, public."""
    document = DocumentFactory(title="Regional handlingsplan")
    contact = ContactPersonFactory()
    form = nested_form_data(
        {
            "title": "Regional kapacitet",
            "slug": "regional-kapacitet",
            "introduction": "Hur regioner bygger förmåga.",
            "body": streamfield(
                [
                    (
                        "documents",
                        {
                            "heading": "Läs mer",
                            "documents": streamfield([("item", str(document.pk))]),
                        },
                    ),
                    ("contact", {"contact": str(contact.pk)}),
                ]
            ),
            "contact": "",
            "related_pages": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "action-submit": "1",
        }
    )
    response = redaktor_client.post(
        reverse("wagtailadmin_pages:add", args=("pages", "topicpage", home.pk)), form
    )
    assert response.status_code == 302, response.content
    topic = TopicPage.objects.get(slug="regional-kapacitet")
    assert client.get(topic.url).status_code == 404

    approve(granskare_client, topic)

    html = client.get(topic.url).content.decode()
    assert "Regional handlingsplan" in html
    assert document.url in html
    assert "PDF" in html
    assert contact.name in html
    assert "contact-card" in html


def test_contact_person_scheduled_by_a_granskare_goes_live_when_the_scheduler_runs(
    client, granskare_client, home
):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    response = granskare_client.post(
        reverse(f"{CONTACT_ADMIN}:add"),
        contact_form(go_live_at=tomorrow.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    contact = ContactPerson.objects.get(name="Per Persson")
    assert not contact.live
    assert client.get(reverse("contacts:vcard", args=(contact.pk,))).status_code == 404

    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(days=2)
    ):
        call_command("publish_scheduled")

    contact.refresh_from_db()
    assert contact.live


@pytest.mark.parametrize(
    "build",
    [
        lambda home: home,
        lambda home: TopicPageFactory(parent=home, title="Regional kapacitet"),
        lambda home: StrategyIndexPageFactory(parent=home),
        lambda home: StrategyDocumentPageFactory(parent=StrategyIndexPageFactory(parent=home)),
        lambda home: ConferencePageFactory(parent=ConferenceIndexPageFactory(parent=home)),
    ],
    ids=["startsida", "amnessida", "publikationslista", "strategi", "konferens"],
)
def test_draft_preview_of_every_page_type_looks_like_the_public_page(
    client, redaktor_client, home, build
):
    page = build(home)
    page.title = "Ny rubrik i utkastet"
    page.save_revision(user=redaktor_client.user)

    preview = redaktor_client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))

    html = preview.content.decode()
    assert preview.status_code == 200
    assert html.count("<h1") == 1
    assert "Ny rubrik i utkastet" in html
    assert 'class="skip-link' in html or "#main" in html
    assert "Ny rubrik i utkastet" not in client.get(page.url).content.decode()
