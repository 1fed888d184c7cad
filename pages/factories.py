import datetime

import factory
import wagtail_factories

from core.factories import single_page_factory
from documents.factories import DocumentFactory

from .models import (
    AccessibilityStatementPage,
    HomePage,
    StrategyDocumentPage,
    StrategyIndexPage,
    TopicPage,
)

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
