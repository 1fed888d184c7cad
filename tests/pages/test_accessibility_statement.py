import io

import pytest
from django.core.management import call_command
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.models import SiteSettings
from feedback.factories import FeedbackFormPageFactory
from feedback.models import FeedbackFormPage
from pages.factories import AccessibilityStatementPageFactory, TopicPageFactory
from pages.models import AccessibilityStatementPage, HomePage, TopicPage


def test_statement_lives_under_the_home_page_and_there_is_only_one(home):
    assert AccessibilityStatementPage.can_create_at(TopicPage()) is False
    assert AccessibilityStatementPage.can_create_at(home) is True
    assert AccessibilityStatementPage.allowed_subpage_models() == []

    AccessibilityStatementPageFactory(parent=home)

    assert AccessibilityStatementPage.can_create_at(HomePage.objects.get()) is False


def test_visitor_reads_what_digg_requires(client, home):
    feedback = FeedbackFormPageFactory(parent=home)
    statement = AccessibilityStatementPageFactory(parent=home, feedback_page=feedback)

    html = client.get(statement.url).content.decode()

    assert html.count("<h1") == 1
    assert (
        "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
        "offentlig service, på grund av de brister som beskrivs nedan."
    ) in html
    assert "PDF-dokumenten saknar taggar." in html
    assert "Vi har själva granskat webbplatsen (självskattning)." in html
    assert "Automatiska kontroller med axe och test med tangentbord." in html
    assert '<time datetime="2026-11-20">20 november 2026</time>' in html
    assert '<time datetime="2026-11-21">21 november 2026</time>' in html
    assert '<time datetime="2026-11-22">22 november 2026</time>' in html
    assert 'href="mailto:tillganglighet@tillvaxtverket.se"' in html
    assert '<a href="/synpunkter/">Lämna synpunkter i vårt formulär</a>' in html
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert "Myndigheten för digital förvaltning (DIGG)" in html


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        ("full", "Den här webbplatsen är helt förenlig med lagen"),
        ("none", "Den här webbplatsen är inte förenlig med lagen"),
    ],
)
def test_compliance_sentence_follows_the_chosen_status(client, home, status, sentence):
    statement = AccessibilityStatementPageFactory(parent=home, compliance_status=status)

    assert sentence in client.get(statement.url).content.decode()


def test_third_party_assessment_is_stated(client, home):
    statement = AccessibilityStatementPageFactory(parent=home, assessment_method="third_party")

    assert (
        "Webbplatsen har granskats av en extern part." in client.get(statement.url).content.decode()
    )


def test_every_page_footer_links_to_the_statement(client, home):
    statement = AccessibilityStatementPageFactory(parent=home)
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.accessibility_page = statement
    site_settings.save()
    topic = TopicPageFactory(parent=home)

    for url in ("/", topic.url, statement.url):
        html = client.get(url).content.decode()
        assert '<a href="/tillganglighetsredogorelse/">Tillgänglighetsredogörelse</a>' in html


def test_editor_creates_the_statement_through_the_admin(admin_client, home):
    data = nested_form_data(
        {
            "title": "Tillgänglighetsredogörelse",
            "slug": "tillganglighet",
            "introduction": "Om webbplatsens tillgänglighet.",
            "compliance_status": "partial",
            "known_shortcomings": rich_text("<p>Filmer saknar syntolkning.</p>"),
            "disproportionate_burden": rich_text(""),
            "out_of_scope": rich_text(""),
            "assessment_method": "self",
            "assessment_description": "Granskad med axe och tangentbord.",
            "assessment_date": "2026-11-01",
            "statement_prepared": "2026-11-02",
            "statement_reviewed": "2026-11-03",
            "contact_email": "webb@tillvaxtverket.se",
            "contact_phone": "",
            "complaint_url": "https://www.digg.se/tdosanmalan",
            "action-publish": "publish",
        }
    )

    response = admin_client.post(
        f"/admin/pages/add/pages/accessibilitystatementpage/{home.pk}/", data
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    page = AccessibilityStatementPage.objects.get(slug="tillganglighet")
    assert page.live
    assert "Filmer saknar syntolkning." in admin_client.get(page.url).content.decode()


def test_editor_creates_a_feedback_form_through_the_admin(admin_client, home):
    data = nested_form_data(
        {
            "title": "Tyck till",
            "slug": "tyck-till",
            "introduction": "",
            "thank_you_text": rich_text("<p>Tack!</p>"),
            "to_address": "webb@tillvaxtverket.se",
            "from_address": "",
            "subject": "",
            "form_fields": inline_formset(
                [
                    {
                        "label": "Synpunkter",
                        "help_text": "",
                        "required": "on",
                        "field_type": "multiline",
                        "choices": "",
                        "default_value": "",
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/add/feedback/feedbackformpage/{home.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    page = FeedbackFormPage.objects.get(slug="tyck-till")
    assert 'name="synpunkter"' in admin_client.get(page.url).content.decode()


def test_demo_content_fills_in_the_statement_and_links_it_with_the_form(db, client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())

    statement = AccessibilityStatementPage.objects.get()
    feedback = FeedbackFormPage.objects.get()
    site_settings = SiteSettings.for_site(statement.get_site())
    assert site_settings.accessibility_page.pk == statement.pk
    assert site_settings.feedback_page.pk == feedback.pk
    assert feedback.url == "/synpunkter/"
    assert [(f.label, f.required) for f in feedback.form_fields.all()] == [
        ("Namn", False),
        ("E-post", False),
        ("Synpunkter", True),
    ]
    html = client.get(statement.url, HTTP_HOST="localhost").content.decode()
    assert "axe" in html
    assert "tangentbord" in html
    assert 'href="/synpunkter/"' in html
