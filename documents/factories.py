import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from documents.pdf_writer import PdfPage, build_pdf


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
    pages = 3  # not a model field: how many pages the generated PDF has

    class Meta:
        model = get_document_model()

    @classmethod
    def _create(cls, model_class, *args, pages=3, **kwargs):
        document = model_class(*args, **kwargs)
        document.file.save(
            f"{document.title}.pdf", ContentFile(pdf_bytes(document.title, pages)), save=False
        )
        document._set_document_file_metadata()
        document.save()
        return document
