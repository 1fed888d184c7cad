"""Ordering a document in an accessible format (alternate_formats/): offered next to
every link to a document that failed the check, stored, e-mailed, rate-limited, spam-proof,
listed for editors; the accessibility statement names the failing documents."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alternate_formats.models import AlternateFormatRequest
from documents.factories import DocumentFactory
from documents.models import AgencyDocument
from pages.factories import (
    AccessibilityStatementPageFactory,
    StrategyDocumentPageFactory,
    StrategyIndexPageFactory,
    TopicPageFactory,
)
from tests.pdf_files import pdf_without

ORDER_TEXT = "Beställ dokumentet i ett tillgängligt format"


def failing(document):
    """Mark ``document`` as failing the check, as an upload of an untagged PDF does."""
    AgencyDocument.objects.filter(pk=document.pk).update(
        accessibility_status="failed", accessibility_failures=["tagged"]
    )
    document.refresh_from_db()
    return document


@pytest.fixture
def strategy(home):
    index = StrategyIndexPageFactory(parent=home)
    return StrategyDocumentPageFactory(
        parent=index, document=failing(DocumentFactory(title="Plan"))
    )


def order_url(document):
    return reverse("alternate_formats:order", args=[document.pk])


def form_token(client, document):
    """The signed token in the order form, as a browser gets it with the form."""
    html = client.get(order_url(document)).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def post(client, document, remote_addr="192.0.2.10", **data):
    values = {
        "format": "accessible_pdf",
        "details": "",
        "email": "anna@example.se",
        "form_token": form_token(client, document),
    }
    values.update(data)
    return client.post(order_url(document), values, REMOTE_ADDR=remote_addr)


def test_a_real_upload_of_an_untagged_pdf_is_offered_in_another_format(admin_client, client, home):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection

    admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Otaggad plan",
            "file": SimpleUploadedFile("plan.pdf", pdf_without("tags")),
            "collection": Collection.get_first_root_node().pk,
            "language": "sv",
        },
    )
    document = AgencyDocument.objects.get()
    index = StrategyIndexPageFactory(parent=home)
    page = StrategyDocumentPageFactory(parent=index, document=document)

    html = client.get(page.url).content.decode()

    assert f'href="{order_url(document)}"' in html
    assert ORDER_TEXT in html


def test_order_link_is_next_to_a_failing_document_only(client, strategy):
    passing = DocumentFactory(title="Tillgänglig")
    other = StrategyDocumentPageFactory(parent=strategy.get_parent(), document=passing)

    failing_html = client.get(strategy.url).content.decode()
    passing_html = client.get(other.url).content.decode()

    assert f'href="{order_url(strategy.document)}"' in failing_html
    assert ORDER_TEXT in failing_html
    assert ORDER_TEXT not in passing_html


def test_rich_text_link_to_a_failing_document_gets_the_order_link(client, home):
    document = failing(DocumentFactory(title="Rapport"))
    link = f'<p>Läs <a linktype="document" id="{document.pk}">rapporten</a>.</p>'
    topic = TopicPageFactory(parent=home, body=[("text", {"text": link})])

    html = client.get(topic.url).content.decode()

    assert f'<a class="order-format" href="{order_url(document)}">' in html
    assert 'visually-hidden">: rapporten</span>' in html


def test_order_is_stored_and_mailed_to_the_configured_address(client, strategy, settings):
    settings.ALTERNATE_FORMAT_EMAIL = "tillganglighet@example.se, webb@example.se"

    response = post(client, strategy.document, format="word", name="Anna", phone="070-123 45 67")

    assert response.status_code == 200
    assert "Tack för din beställning" in response.content.decode()
    order = AlternateFormatRequest.objects.get()
    assert (order.document, order.document_title, order.format) == (
        strategy.document,
        "Plan",
        "word",
    )
    assert order.contact == "anna@example.se, 070-123 45 67"
    [message] = mail.outbox
    assert message.to == ["tillganglighet@example.se", "webb@example.se"]
    assert message.reply_to == ["anna@example.se"]
    assert "Plan" in message.subject and "Word-dokument" in message.body


def test_without_a_configured_address_the_statement_contact_gets_it(client, strategy, settings):
    settings.ALTERNATE_FORMAT_EMAIL = ""
    AccessibilityStatementPageFactory(parent=strategy.get_parent().get_parent())

    post(client, strategy.document)

    [message] = mail.outbox
    statement_address = AccessibilityStatementPageFactory._meta.model.objects.get().contact_email
    assert message.to == [statement_address]


def test_a_way_to_reach_the_visitor_is_required(client, strategy):
    response = post(client, strategy.document, email="", phone="")

    assert response.status_code == 200
    assert "e-postadress eller ditt telefonnummer" in response.content.decode()
    assert not AlternateFormatRequest.objects.exists()


def test_honeypot_filled_in_stores_and_sends_nothing(client, strategy):
    response = post(client, strategy.document, website="http://spam.example")

    assert response.status_code == 200
    assert not AlternateFormatRequest.objects.exists()
    assert mail.outbox == []


def test_rate_limit_blocks_the_next_order_and_keeps_the_text(client, strategy, settings):
    settings.ALTERNATE_FORMAT_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert post(client, strategy.document).status_code == 200

    blocked = post(client, strategy.document, details="Kapitel 3 som Word")

    assert blocked.status_code == 429
    assert 1 <= int(blocked["Retry-After"]) <= 3600
    assert "Kapitel 3 som Word" in blocked.content.decode()
    assert AlternateFormatRequest.objects.count() == 2
    assert post(client, strategy.document, remote_addr="192.0.2.99").status_code == 200


def test_form_for_a_document_no_live_page_uses_answers_404(client, home):
    draft_only = failing(DocumentFactory(title="Utkast"))

    assert client.get(order_url(draft_only)).status_code == 404
    assert client.get(reverse("alternate_formats:order", args=[999999])).status_code == 404


def test_form_is_labelled_and_offers_the_formats(client, strategy):
    html = client.get(order_url(strategy.document)).content.decode()

    assert "<h1>Beställ dokumentet i ett tillgängligt format</h1>" in html
    assert 'type="radio"' in html and "Punktskrift" in html
    assert 'autocomplete="email"' in html


def test_editors_see_the_orders_in_the_admin(admin_client, client, strategy):
    post(client, strategy.document, name="Anna")

    response = admin_client.get(
        reverse("wagtailsnippets_alternate_formats_alternateformatrequest:list")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Plan" in html and "anna@example.se" in html


def test_statement_lists_failing_public_documents_in_constant_queries(client, strategy):
    statement = AccessibilityStatementPageFactory(parent=strategy.get_parent().get_parent())
    not_used = failing(DocumentFactory(title="Oanvänd"))  # no live page: not listed
    client.get(statement.url)

    with CaptureQueriesContext(connection) as one:
        html = client.get(statement.url).content.decode()
    assert "Dokument som inte är tillgängliga" in html
    assert ">Plan<" in html and not_used.title not in html

    for number in range(3):
        StrategyDocumentPageFactory(
            parent=strategy.get_parent(), document=failing(DocumentFactory(title=f"Plan {number}"))
        )
    client.get(statement.url)  # the site structure cache is filled again after the new pages
    with CaptureQueriesContext(connection) as four:
        html = client.get(statement.url).content.decode()
    assert ">Plan 2<" in html
    assert len(four) == len(one)


def test_an_order_needs_this_forms_token_and_this_site_and_sets_no_cookie(client, strategy):
    document = strategy.document

    shown = client.get(order_url(document))
    forged = post(client, document, form_token="förfalskad")
    cross_site = client.post(
        order_url(document),
        {
            "format": "accessible_pdf",
            "email": "a@example.se",
            "form_token": form_token(client, document),
        },
        HTTP_ORIGIN="https://evil.example",
    )

    assert not shown.cookies
    assert "private" in shown["Cache-Control"]
    assert "Formuläret kunde inte tas emot" in forged.content.decode()
    assert cross_site.status_code == 403
    assert not AlternateFormatRequest.objects.exists()
    assert post(client, document).status_code == 200
    assert AlternateFormatRequest.objects.count() == 1
