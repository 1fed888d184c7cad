"""``manage.py check_document_accessibility``: the PDF check run again on stored documents,
idempotent, counting what it found, reporting files it cannot read without stopping."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model

from documents.factories import DocumentFactory
from editorial.management.commands.publish_scheduled_loop import DAILY
from tests.pdf_files import pdf_with_garbage, pdf_without

Document = get_document_model()


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("check_document_accessibility", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def never_checked(document):
    """As a document stored before the check existed: no result."""
    Document.objects.filter(pk=document.pk).update(
        accessibility_status="", accessibility_failures=[], accessibility_checked_at=None
    )


def replace_stored_file(document, content):
    """The bytes in the media storage change without an upload (a restore, a migration)."""
    storage, name = document.file.storage, document.file.name
    storage.delete(name)
    assert storage.save(name, ContentFile(content)) == name


def test_documents_never_checked_are_checked_and_a_second_run_does_nothing(db):
    good = DocumentFactory(title="Tillgänglig rapport")
    untagged = DocumentFactory(title="Otaggad rapport")
    replace_stored_file(untagged, pdf_without("tags"))
    for document in (good, untagged):
        never_checked(document)

    first, _ = run()
    second, _ = run()

    good.refresh_from_db()
    untagged.refresh_from_db()
    assert good.accessibility_status == "passed"
    assert untagged.accessibility_status == "failed"
    assert untagged.accessibility_failures == ["tagged"]
    assert first.startswith("2 PDF-dokument kontrollerade: 1 klarar kontrollen, 1 har brister")
    assert "2 fick ett nytt resultat" in first
    assert second.startswith("0 PDF-dokument kontrollerade")


def test_all_checks_every_pdf_again_and_counts_the_changed_results(db):
    stays = DocumentFactory(title="Oförändrad")
    changes = DocumentFactory(title="Ersatt i lagringen")
    replace_stored_file(changes, pdf_without("language"))

    out, _ = run("--all")

    changes.refresh_from_db()
    stays.refresh_from_db()
    assert changes.accessibility_failures == ["language"]
    assert stays.accessibility_status == "passed"
    assert "2 PDF-dokument kontrollerade" in out and "1 fick ett nytt resultat" in out


def test_since_checks_only_documents_not_checked_since_that_day(db):
    old = DocumentFactory(title="Kontrollerad för länge sedan")
    recent = DocumentFactory(title="Nyss kontrollerad")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Document.objects.filter(pk=old.pk).update(accessibility_checked_at=long_ago)
    day = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()

    out, _ = run("--since", day)

    old.refresh_from_db()
    recent_checked = recent.accessibility_checked_at
    recent.refresh_from_db()
    assert out.startswith("1 PDF-dokument kontrollerade")
    assert old.accessibility_checked_at > long_ago
    assert recent.accessibility_checked_at == recent_checked


def test_a_broken_pdf_is_a_result_and_a_missing_file_is_reported_without_stopping(db):
    broken = DocumentFactory(title="Trasig")
    replace_stored_file(broken, pdf_with_garbage())
    missing = DocumentFactory(title="Borttappad")
    missing.file.storage.delete(missing.file.name)
    good = DocumentFactory(title="Hel")
    for document in (broken, missing, good):
        never_checked(document)

    out, err = run()

    broken.refresh_from_db()
    missing.refresh_from_db()
    good.refresh_from_db()
    assert broken.accessibility_status == "unchecked"
    assert good.accessibility_status == "passed"
    assert missing.accessibility_status == "" and missing.accessibility_checked_at is None
    assert f"Dokument {missing.pk} (Borttappad): filen gick inte att läsa" in err
    assert "2 PDF-dokument kontrollerade" in out and "1 kunde inte läsas som PDF" in out
    assert "1 filer saknas eller gick inte att läsa" in out


def test_files_that_are_not_pdfs_are_left_alone(db):
    text = Document.objects.create(title="Anteckningar", file=ContentFile(b"Hej", name="a.txt"))

    out, _ = run("--all")

    text.refresh_from_db()
    assert text.accessibility_status == ""
    assert out.startswith("0 PDF-dokument kontrollerade")


def test_a_date_that_is_not_a_date_is_refused(db):
    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        run("--since", "31/01/2018")


def test_queries_do_not_grow_with_the_number_of_documents(db):
    def queries_for(count):
        for number in range(count):
            never_checked(DocumentFactory(title=f"Rapport {number}"))
        with CaptureQueriesContext(connection) as queries:
            run()
        return len(queries)

    assert queries_for(2) == queries_for(6)


def test_the_scheduler_runs_it_daily():
    assert "check_document_accessibility" in DAILY
