import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from documents.pdf_writer import PdfPage, build_pdf
from events.factories import ConferenceIndexPageFactory
from pages.factories import StrategyIndexPageFactory


def make_document(title, text, collection=None):
    """A real PDF whose only text besides its title is `text`, read as an upload would be."""
    document = get_document_model()(title=title)
    if collection is not None:
        document.collection = collection
    pdf = build_pdf(title, "Testdokument", [PdfPage("Avsnitt", [text])])
    document.file.save(f"{title}.pdf", ContentFile(pdf), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def documents_body(*documents):
    return json.dumps(
        [{"type": "documents", "value": {"heading": "", "documents": [d.pk for d in documents]}}]
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def strategies(home):
    return StrategyIndexPageFactory(parent=home)


@pytest.fixture
def conferences(home):
    return ConferenceIndexPageFactory(parent=home)
