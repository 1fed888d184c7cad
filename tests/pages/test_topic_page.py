import json

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from contacts.factories import ContactPersonFactory
from documents.factories import DocumentFactory
from events.models import ConferenceIndexPage
from pages.factories import TopicPageFactory
from pages.models import HomePage, StrategyIndexPage, TopicPage


def test_topic_pages_may_live_under_home_or_another_topic(db):
    assert TopicPage.can_create_at(HomePage()) is True
    assert TopicPage.can_create_at(TopicPage()) is True
    assert TopicPage.can_create_at(StrategyIndexPage()) is False
    assert TopicPage.can_create_at(ConferenceIndexPage()) is False
    assert TopicPage.allowed_subpage_models() == [TopicPage]


def test_nested_topics_build_the_section_url(home):
    section = TopicPageFactory(parent=home, title="Ämnesområden", slug="amnesomraden")
    middle = TopicPageFactory(parent=section, title="Regional kapacitet", slug="regional-kapacitet")
    leaf = TopicPageFactory(
        parent=middle, title="Smart specialisering", slug="smart-specialisering"
    )

    assert leaf.url == "/amnesomraden/regional-kapacitet/smart-specialisering/"


def test_visitor_sees_breadcrumb_and_subtopics(client, home):
    section = TopicPageFactory(parent=home, title="Ämnesområden", slug="amnesomraden")
    TopicPageFactory(parent=section, title="Regional kapacitet", introduction="Om regioner.")

    html = client.get(section.url).content.decode()

    assert 'aria-label="Du är här"' in html
    assert "Regional kapacitet" in html
    assert "Om regioner." in html
    assert html.count("<h1") == 1


def test_body_blocks_render_documents_external_links_and_contact(client, home):
    document = DocumentFactory(title="Strategin", pages=4)
    contact = ContactPersonFactory(name="Cecilia Johansson")
    body = [
        {"type": "heading", "value": {"text": "Så arbetar vi", "level": "h2"}},
        {"type": "text", "value": {"text": "<p>Brödtext.</p>"}},
        {"type": "documents", "value": {"heading": "", "documents": [document.pk]}},
        {
            "type": "external_link",
            "value": {"url": "https://s3platform.jrc.ec.europa.eu/", "text": "S3 Plattformen"},
        },
        {"type": "callout", "value": {"heading": "Bra att veta", "text": "<p>Fakta.</p>"}},
        {"type": "contact", "value": {"contact": contact.pk}},
    ]
    page = TopicPageFactory(parent=home, body=json.dumps(body))

    html = client.get(page.url).content.decode()

    assert '<h2 class="block-heading">Så arbetar vi</h2>' in html
    assert 'Strategin</span> <span class="link-meta">(PDF, ' in html
    assert "4\xa0sidor)" in html
    assert (
        '<a class="external-link" href="https://s3platform.jrc.ec.europa.eu/" target="_blank" '
        'rel="noopener noreferrer">S3 Plattformen <span class="link-meta">(länk till annan '
        "webbplats, öppnas i nytt fönster)</span></a>"
    ) in html
    assert "Bra att veta" in html
    assert "Cecilia Johansson" in html


def test_draft_contact_person_is_not_shown_to_visitors(client, home):
    contact = ContactPersonFactory(name="Utkast Person", live=False)
    page = TopicPageFactory(parent=home, contact=contact)

    html = client.get(page.url).content.decode()

    assert "Utkast Person" not in html


@pytest.mark.django_db
def test_editor_creates_and_publishes_topic_page_through_admin(admin_client, home):
    document = DocumentFactory()
    data = nested_form_data(
        {
            "title": "Hållbar tillväxt",
            "slug": "hallbar-tillvaxt",
            "introduction": "Om hållbar tillväxt.",
            "body": streamfield(
                [
                    ("heading", {"text": "Bakgrund", "level": "h2"}),
                    ("text", {"text": rich_text("<p>Text om tillväxt.</p>")}),
                    (
                        "documents",
                        {"heading": "", "documents": streamfield([("item", document.pk)])},
                    ),
                ]
            ),
            "related_pages": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/add/pages/topicpage/{home.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    page = TopicPage.objects.get(slug="hallbar-tillvaxt")
    assert page.live
    assert "Text om tillväxt." in admin_client.get(page.url).content.decode()


@pytest.mark.django_db
def test_editor_edits_topic_page_and_visitors_see_new_title(admin_client, client, home):
    page = TopicPageFactory(parent=home, title="Gammal rubrik", slug="amne")
    data = nested_form_data(
        {
            "title": "Ny rubrik",
            "slug": "amne",
            "introduction": page.introduction,
            "body": streamfield([]),
            "related_pages": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302
    assert "Ny rubrik" in client.get("/amne/").content.decode()
    assert Page.objects.get(pk=page.pk).title == "Ny rubrik"
