import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from pages.demo.pdf import PdfPage, build_pdf

from .models import (
    AccessibilityStatementPage,
    FeedbackFormField,
    FeedbackFormPage,
    HomePage,
    StrategyDocumentPage,
    StrategyIndexPage,
    TopicPage,
)


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


def single_page_factory(model, title, slug):
    """A factory for a page type a site has one of (home, an index), with a fixed title
    and address (``slug``)."""
    meta = type("Meta", (), {"model": model})
    attributes = {"title": title, "slug": slug, "Meta": meta}
    return type(f"{model.__name__}Factory", (wagtail_factories.PageFactory,), attributes)


HomePageFactory = single_page_factory(HomePage, "Tillväxtverket", "home")


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ämne {n}")
    introduction = "Ett ämne som Tillväxtverket arbetar med."

    class Meta:
        model = TopicPage


StrategyIndexPageFactory = single_page_factory(StrategyIndexPage, "Publikationer", "publikationer")


class StrategyDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strategi {n}")
    summary = "<p>Strategin i korthet.</p>"
    publication_date = datetime.date(2018, 1, 15)
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = StrategyDocumentPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Tillgänglighetsredogörelse"
    slug = "tillganglighetsredogorelse"
    compliance_status = "partial"
    known_shortcomings = "<p>PDF-dokumenten saknar taggar.</p>"
    assessment_method = "self"
    assessment_description = "Automatiska kontroller med axe och test med tangentbord."
    assessment_date = datetime.date(2026, 11, 20)
    statement_prepared = datetime.date(2026, 11, 21)
    statement_reviewed = datetime.date(2026, 11, 22)
    contact_email = "tillganglighet@tillvaxtverket.se"

    class Meta:
        model = AccessibilityStatementPage


class FeedbackFormPageFactory(wagtail_factories.PageFactory):
    """Har du synpunkter? with the demo's three fields: name and e-mail optional."""

    title = "Har du synpunkter?"
    slug = "synpunkter"
    to_address = "webbplatsen@tillvaxtverket.se"

    class Meta:
        model = FeedbackFormPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        if not create:
            return
        specs = extracted or [
            ("Namn", "singleline", False),
            ("E-post", "email", False),
            ("Synpunkter", "multiline", True),
        ]
        for order, (label, field_type, required) in enumerate(specs):
            FeedbackFormField.objects.create(
                page=page, label=label, field_type=field_type, required=required, sort_order=order
            )
