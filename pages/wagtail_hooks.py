"""Listings that show other pages' documents, for the delete confirmations (core/usage.py):
the strategy list shows each strategy's document, the start page its newest three."""

from wagtail import hooks

from core.usage import LISTING_HOOK
from pages.models import HomePage, StrategyDocumentPage, StrategyIndexPage

# As HomePage.get_context's "newest_strategies".
NEWEST_ON_HOME = 3


@hooks.register(LISTING_HOOK)
def strategy_listings(page):
    """The live strategy list above ``page`` and the start page showing it among the
    newest strategies (list of pages); nothing for other page types."""
    if not isinstance(page, StrategyDocumentPage):
        return []
    showing = list(StrategyIndexPage.objects.live().ancestor_of(page))
    for home in HomePage.objects.live().ancestor_of(page):
        newest = (
            StrategyDocumentPage.objects.live()
            .descendant_of(home)
            .order_by("-publication_date")
            .values_list("pk", flat=True)[:NEWEST_ON_HOME]
        )
        if page.pk in list(newest):
            showing.append(home)
    return showing
