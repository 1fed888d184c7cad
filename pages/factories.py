import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from pages.demo.pdf import PdfPage, build_pdf

from .models import HomePage, StrategyDocumentPage, StrategyIndexPage, TopicPage


def pdf_bytes(title="Dokument", pages=3):
    return build_pdf(
        title,
        "Testdokument",
        [PdfPage(f"Avsnitt {number}", [f"Text på sida {number}."]) for number in range(pages)],
    )


class DocumentFactory(factory.django.DjangoModelFactory):
    """A real, readable PDF with its metadata computed as an upload would."""

    title = factory.Sequence(lambda n: f"Rapport {n}")
    language = "sv"

    class Meta:
        model = get_document_model()

    class Params:
        pages = 3

    @classmethod
    def _create(cls, model_class, *args, pages=3, **kwargs):
        document = model_class(*args, **kwargs)
        document.file.save(
            f"{document.title}.pdf", ContentFile(pdf_bytes(document.title, pages)), save=False
        )
        document._set_document_file_metadata()
        document.save()
        return document


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Tillväxtverket"
    slug = "home"

    class Meta:
        model = HomePage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ämne {n}")
    introduction = "Ett ämne som Tillväxtverket arbetar med."

    class Meta:
        model = TopicPage


class StrategyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publikationer"
    slug = "publikationer"

    class Meta:
        model = StrategyIndexPage


class StrategyDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strategi {n}")
    summary = "<p>Strategin i korthet.</p>"
    publication_date = datetime.date(2018, 1, 15)
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = StrategyDocumentPage
