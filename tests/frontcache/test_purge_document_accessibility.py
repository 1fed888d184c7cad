"""A document's accessibility check result changes: the accessibility statement, which lists
failing documents, and the pages that link the document (where the offer of an accessible
format comes or goes) are purged, and no page is served from an older render."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model

from core.models import SiteSettings
from pages.factories import (
    AccessibilityStatementPageFactory,
    StrategyDocumentPageFactory,
    StrategyIndexPageFactory,
)
from tests.frontcache.recording import RecordingBackend
from tests.pdf_files import pdf_without

Document = get_document_model()


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    """Runs a change as committed and returns the addresses the front cache was sent."""
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.frontcache.recording.RecordingBackend"}
    }

    def run(change):
        RecordingBackend.purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return set(RecordingBackend.purged)

    return run


@pytest.fixture
def site(home):
    statement = AccessibilityStatementPageFactory(parent=home)
    strategy = StrategyDocumentPageFactory(
        parent=StrategyIndexPageFactory(parent=home), title="Strategin"
    )
    other = StrategyDocumentPageFactory(parent=strategy.get_parent(), title="En annan strategi")
    SiteSettings.for_site(home.get_site())
    return {"statement": statement, "strategy": strategy, "other": other}


def replace_file(document, content):
    """As the document edit form does when the editor uploads a new file."""
    document = Document.objects.get(pk=document.pk)
    document.file = ContentFile(content, name="ersatt.pdf")
    document._set_document_file_metadata()
    document.save()
    return document


def replace_stored_bytes(document, content):
    storage, name = document.file.storage, document.file.name
    storage.delete(name)
    assert storage.save(name, ContentFile(content)) == name


def test_a_replaced_file_that_fails_the_check_purges_the_statement_and_linking_page(purged, site):
    document = site["strategy"].document

    urls = purged(lambda: replace_file(document, pdf_without("tags")))

    assert Document.objects.get(pk=document.pk).accessibility_status == "failed"
    assert site["statement"].get_full_url() in urls
    assert site["strategy"].get_full_url() in urls
    assert site["other"].get_full_url() not in urls


def test_an_edit_that_leaves_the_result_as_it_was_does_not_purge_the_statement(purged, site):
    document = Document.objects.get(pk=site["strategy"].document.pk)
    document.title = "Ny titel"

    urls = purged(document.save)

    assert site["strategy"].get_full_url() in urls  # the link's text changed
    assert site["statement"].get_full_url() not in urls


def test_deleting_a_failing_document_purges_the_statement(purged, site):
    document = replace_file(site["strategy"].document, pdf_without("language"))

    urls = purged(document.delete)

    assert site["statement"].get_full_url() in urls


def test_the_recheck_command_purges_the_statement_only_when_a_result_changed(purged, site):
    document = site["strategy"].document
    command = lambda: call_command("check_document_accessibility", "--all", stdout=io.StringIO())  # noqa: E731

    unchanged = purged(command)
    replace_stored_bytes(document, pdf_without("tags"))
    changed = purged(command)

    assert site["statement"].get_full_url() not in unchanged
    assert {site["statement"].get_full_url(), site["strategy"].get_full_url()} <= changed
    assert site["other"].get_full_url() not in changed


def test_after_the_recheck_the_statement_is_rendered_afresh(
    client, site, django_capture_on_commit_callbacks
):
    document = site["strategy"].document
    before = client.get(site["statement"].url).content.decode()
    replace_stored_bytes(document, pdf_without("tags"))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_document_accessibility", "--all", stdout=io.StringIO())
    after = client.get(site["statement"].url).content.decode()

    assert "Dokument som inte är tillgängliga" not in before
    assert "Dokument som inte är tillgängliga" in after
    assert document.title in after
