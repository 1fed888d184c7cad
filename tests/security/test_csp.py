"""Content Security Policy: strict on the public site, relaxed only in Wagtail's admin."""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from agency.csp import AgencyCSPMiddleware
from contacts.factories import ContactPersonFactory
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"


def directives(response):
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.fixture
def public_pages(home):
    """One of each page type that visitors see, with realistic content."""
    contact = ContactPersonFactory()
    body = [
        {"type": "heading", "value": {"text": "Om stödet", "level": "h2"}},
        {"type": "text", "value": {"text": "<p>Läs <b>mer</b> om stödet.</p>"}},
        {"type": "documents", "value": {"heading": "", "documents": [DocumentFactory().pk]}},
        {
            "type": "external_link",
            "value": {"url": "https://s3platform.jrc.ec.europa.eu/", "text": "S3 Plattformen"},
        },
        {"type": "callout", "value": {"heading": "Bra att veta", "text": "<p>Fakta.</p>"}},
        {"type": "contact", "value": {"contact": contact.pk}},
    ]
    topic = TopicPageFactory(parent=home, contact=contact, body=json.dumps(body))
    conferences = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=conferences)
    SpeakerFactory(conference=conference)
    strategies = StrategyIndexPageFactory(parent=home)
    strategy = StrategyDocumentPageFactory(parent=strategies)
    return [home, topic, conferences, conference, strategies, strategy]


@pytest.mark.django_db
def test_public_page_gets_strict_policy_without_inline_code(client, home):
    response = client.get("/")

    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_not_found_page_gets_the_strict_policy_too(client, home):
    response = client.get("/finns-inte/")

    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_admin_gets_relaxed_policy_it_needs_and_may_frame_its_preview(admin_client, home):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    # Still no code from other hosts.
    assert all(not value.startswith(("http", "*")) for value in sum(policy.values(), []))


@pytest.mark.django_db
def test_public_pages_have_no_inline_scripts_styles_or_event_handlers(client, public_pages):
    for page in public_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        soup = BeautifulSoup(response.content, "html.parser")

        for script in soup.find_all("script"):
            # JSON-LD is data, not executed; everything else must be a file of our own.
            assert script.get("src") or script.get("type") == "application/ld+json", (
                page.url,
                str(script)[:200],
            )
            if script.get("src"):
                assert script["src"].startswith("/static/"), script["src"]
        assert soup.find_all("style") == [], page.url
        assert soup.find_all(style=True) == [], page.url
        for element in soup.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert handlers == [], (page.url, element.name, handlers)


def test_public_templates_contain_no_inline_script_or_style():
    """Catches the inline code before any page using the template is rendered."""
    offenders = []
    for template in TEMPLATES_DIR.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b[^>]*>", text):
            tag = match.group(0)
            if "src=" not in tag and "application/ld+json" not in tag:
                offenders.append(f"{template}: {tag}")
        if re.search(r"<style\b|\sstyle=|\son[a-z]+=", text):
            offenders.append(f"{template}: inline style or event handler")
    assert offenders == []


@pytest.mark.django_db
def test_downloaded_document_runs_nothing(client, home):
    document = DocumentFactory(title="Årsrapport")
    StrategyDocumentPageFactory(parent=home, document=document)  # public once a live page uses it

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = directives(response)
    assert policy["default-src"] == ["'none'"]
    assert "sandbox" in policy
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def respond_with(response):
    return AgencyCSPMiddleware(lambda request: response)(RequestFactory().get("/"))


def test_file_response_gets_sandbox_added_once_to_its_own_policy():
    response = HttpResponse(b"BEGIN:VCALENDAR")
    response["Content-Disposition"] = 'attachment; filename="konferens.ics"'
    assert respond_with(response)["Content-Security-Policy"] == "default-src 'none'; sandbox"

    response = HttpResponse(b"x")
    response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = "default-src 'none'"
    assert respond_with(response)["Content-Security-Policy"] == "default-src 'none'; sandbox"

    response = HttpResponse(b"x")
    response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    assert respond_with(response)["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_policy_a_view_set_itself_is_kept():
    response = HttpResponse(b"<p>")
    response["Content-Security-Policy"] = "default-src 'none'"

    assert respond_with(response)["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_admin_page_preview_may_be_framed_by_the_admin(admin_client, home):
    page = TopicPageFactory(parent=home, title="Förhandsvisning", slug="forhandsvisning")
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": "Ny rubrik",
            "slug": page.slug,
            "introduction": "",
            "body": streamfield([]),
            "related_pages": inline_formset([]),
        }
    )

    assert admin_client.post(preview_url, data).json()["is_valid"] is True
    response = admin_client.get(preview_url, {"in_preview_panel": "true"})

    assert response.status_code == 200
    assert "Ny rubrik" in response.content.decode()
    assert directives(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_admin_policy_allows_inline_code_but_no_eval_and_nothing_from_elsewhere(admin_client, home):
    for path in ("/admin/", "/admin/pages/", f"/admin/pages/{home.pk}/edit/", "/admin/login/"):
        policy = directives(admin_client.get(path))

        assert policy["script-src"] == ["'self'", "'unsafe-inline'"], path
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"], path
        assert "'unsafe-eval'" not in sum(policy.values(), []), path
        assert policy["default-src"] == ["'self'"], path
        assert policy["base-uri"] == ["'self'"], path
        assert policy["form-action"] == ["'self'"], path


@pytest.mark.django_db
def test_public_policy_does_not_leak_into_the_admin_or_back(admin_client, home):
    public = directives(admin_client.get("/"))
    admin = directives(admin_client.get("/admin/"))

    assert public["frame-ancestors"] == ["'none'"]
    assert admin["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in public["script-src"]


@pytest.mark.django_db
def test_policy_directives_come_in_the_settings_order(client, home):
    header = client.get("/")["Content-Security-Policy"]

    names = [part.split()[0] for part in header.split(";")]
    assert names == list(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])


# --- The public policy is built once (agency/csp.py public_policy) ----------------------


def test_a_public_page_gets_the_policy_django_csp_builds_in_the_settings_order():
    from csp.middleware import CSPMiddleware

    ours = respond_with(HttpResponse(b"<p>Sida</p>"))["Content-Security-Policy"]
    theirs = CSPMiddleware(lambda request: HttpResponse(b"<p>Sida</p>"))(RequestFactory().get("/"))

    assert sorted(ours.split("; ")) == sorted(theirs["Content-Security-Policy"].split("; "))
    assert [part.split()[0] for part in ours.split("; ")] == list(
        settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    )


def test_a_views_own_policy_and_a_used_nonce_are_still_honoured():
    from csp.constants import NONCE
    from csp.decorators import csp_update

    updated = csp_update({"img-src": ["https://bilder.example.org"]})(
        lambda request: HttpResponse(b"x")
    )
    response = AgencyCSPMiddleware(updated)(RequestFactory().get("/"))
    assert "https://bilder.example.org" in directives(response)["img-src"]

    def with_nonce(request):
        str(request.csp_nonce)  # a template wrote it out
        return csp_update({"script-src": [NONCE]})(lambda request: HttpResponse(b"x"))(request)

    request = RequestFactory().get("/")
    response = AgencyCSPMiddleware(with_nonce)(request)
    assert f"'nonce-{request._csp_nonce}'" in directives(response)["script-src"]


def test_a_changed_setting_changes_the_public_policy(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    assert respond_with(HttpResponse(b"x"))["Content-Security-Policy"] == "default-src 'none'"
