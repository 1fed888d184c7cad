"""The order form says of the document what is true of it (its accessibility check)."""

import pytest
from bs4 import BeautifulSoup

from documents.factories import DocumentFactory
from documents.models import AgencyDocument
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory
from tests.alternate_formats.test_order_form import order_url


@pytest.mark.parametrize(
    ("status", "said", "not_said"),
    [
        ("failed", "är inte tillgängligt för alla", "Behöver du"),
        ("unchecked", "Vi har inte kunnat kontrollera om dokumentet", "är inte tillgängligt"),
        ("passed", "Behöver du dokumentet ”Plan” i ett annat format?", "inte tillgängligt"),
        ("", "Behöver du dokumentet ”Plan” i ett annat format?", "inte tillgängligt"),
    ],
)
def test_the_order_page_tells_the_documents_state(client, home, status, said, not_said):
    document = DocumentFactory(title="Plan")
    AgencyDocument.objects.filter(pk=document.pk).update(accessibility_status=status)
    index = StrategyIndexPageFactory(parent=home)
    StrategyDocumentPageFactory(parent=index, document=document)

    html = BeautifulSoup(client.get(order_url(document)).content, "html.parser")
    lead = html.select_one(".page-intro .lead").get_text()
    assert said in lead
    assert not_said not in lead
    assert "”Plan”" in lead
