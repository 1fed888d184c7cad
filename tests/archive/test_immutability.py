"""An earlier snapshot keeps its bytes whatever happens to the live content afterwards."""

from django.core.files.base import ContentFile
from django.test import Client

from archive.models import Snapshot
from documents.factories import pdf_bytes
from events.models import Speaker

from .conftest import publish


def stored_bytes(snapshot):
    """{url: bytes} of the snapshot's page and files, read from the media storage."""
    snapshot = Snapshot.objects.get(pk=snapshot.pk)
    files = {resource.url: resource.blob.read() for resource in snapshot.resources.all()}
    return {snapshot.url: snapshot.body.read(), **files}


def test_later_edit_replaced_document_and_deleted_page_leave_a_snapshot_unchanged(
    conference, publisher
):
    publish(conference, publisher)
    first = Snapshot.objects.get()
    before = stored_bytes(first)
    speaker = Speaker.objects.filter(conference=conference).first()
    document = speaker.presentation
    document_url = "http://testserver" + document.url
    assert before[document_url][:5] == b"%PDF-"

    # A later edit: another speaker list.
    speaker.name = "Cecilia Johansson"
    speaker.save()
    publish(conference, publisher, title="Smart specialisering 2018 (ny talarlista)")
    second = Snapshot.objects.exclude(pk=first.pk).get()
    assert b"Cecilia Johansson" in second.body.read()
    assert stored_bytes(first) == before

    # A replaced document file, under the same document and address.
    document.file.save("ersatt.pdf", ContentFile(pdf_bytes("Ersatt version", pages=1)))
    document.save()
    assert Client().get(document.url).getvalue() != before[document_url]
    publish(conference, publisher)
    assert stored_bytes(first) == before

    # The page deleted.
    conference.delete()
    assert Client().get(first.url.removeprefix("http://testserver")).status_code == 404
    assert stored_bytes(first) == before
    assert b"Isabel Poli" in before[first.url]
    assert b"Cecilia Johansson" not in before[first.url]
