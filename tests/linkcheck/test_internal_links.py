import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.factories import DocumentFactory
from pages.factories import TopicPageFactory


def _text(html):
    return [("text", {"text": html})]


@pytest.fixture
def targets(home):
    unpublished = TopicPageFactory(parent=home, title="Avpublicerad sida")
    unpublished.unpublish()
    deleted = TopicPageFactory(parent=home, title="Borttagen sida")
    private = TopicPageFactory(parent=home, title="Intern sida")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    closed = Collection.get_first_root_node().add_child(name="Interna dokument")
    CollectionViewRestriction.objects.create(collection=closed, restriction_type="login")
    secret = DocumentFactory(title="Internt dokument", collection=closed)
    fine = TopicPageFactory(parent=home, title="Publicerad sida")
    used = DocumentFactory(title="Använt dokument")
    unused = DocumentFactory(title="Oanvänt dokument")
    source = TopicPageFactory(
        parent=home,
        title="Källsida",
        body=_text(
            f'<p><a linktype="page" id="{unpublished.pk}">a</a> '
            f'<a linktype="page" id="{deleted.pk}">b</a> '
            f'<a linktype="page" id="{private.pk}">c</a> '
            f'<a linktype="document" id="{secret.pk}">d</a> '
            f'<a linktype="page" id="{fine.pk}">e</a> '
            f'<a linktype="document" id="{used.pk}">f</a></p>'
        ),
    )
    deleted.delete()
    return {"source": source, "fine": fine, "unused": unused, "private": private}


def test_report_lists_links_to_unpublished_deleted_and_private_targets(targets, redaktor_client):
    html = redaktor_client.get(reverse("linkcheck:internal")).content.decode()

    assert "Källsida" in html
    for target, problem in [
        ("Avpublicerad sida", "Avpublicerad"),
        ("Intern sida", "Skyddad"),
        ("Internt dokument", "Skyddad"),
    ]:
        assert target in html and problem in html
    assert "Borttagen" in html
    assert "Publicerad sida" not in html
    assert "Använt dokument" not in html
    edit_url = reverse("wagtailadmin_pages:edit", args=[targets["source"].pk])
    assert edit_url in html  # the editor goes straight to the page to fix it


def test_unused_documents_and_pages_without_inbound_links(targets, redaktor_client):
    documents = redaktor_client.get(reverse("linkcheck:unused_documents")).content.decode()
    pages = redaktor_client.get(reverse("linkcheck:orphan_pages")).content.decode()

    assert "Oanvänt dokument" in documents
    assert "Använt dokument" not in documents
    assert "Källsida" in pages  # nothing links to it
    assert "Publicerad sida" not in pages


def test_reports_are_in_the_swedish_reports_menu(redaktor_client):
    # The sidebar menu is sent as JSON, with non-ASCII letters escaped.
    html = redaktor_client.get(reverse("wagtailadmin_home")).content.decode()

    for label in (
        "Interna länkar som inte fungerar",
        "Trasiga externa länkar",
        "Oanvända dokument",
        "Sidor utan inkommande länkar",
        "Sidor att granska",
        "Sidrespons: flest nej",
    ):
        assert json.dumps(label)[1:-1] in html


def test_report_names_the_field_as_the_editor_knows_it_and_a_draft_as_not_published(
    home, redaktor_client
):
    draft = TopicPageFactory(parent=home, title="Utkastet", live=False)
    TopicPageFactory(
        parent=home,
        title="Länkande sida",
        body=_text(f'<p><a linktype="page" id="{draft.pk}">x</a></p>'),
    )

    html = redaktor_client.get(reverse("linkcheck:internal")).content.decode()

    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Länkande sida.*?</tr>", html, re.S).group(0)
    assert re.search(r"<td[^>]*>\s*Innehåll\s*</td>", row)
    assert "Inte publicerad" in row and "Utkastet" in row
