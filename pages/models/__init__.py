from .accessibility import AccessibilityStatementPage
from .home import HomePage, HomePageFeaturedTopic
from .home_links import HomePageQuickLink
from .related import TopicRelatedPage
from .site_pages import PrivacyPage, SitemapPage
from .strategy import StrategyDocumentPage, StrategyIndexPage
from .topic import TopicPage

__all__ = [
    "AccessibilityStatementPage",
    "HomePage",
    "HomePageFeaturedTopic",
    "HomePageQuickLink",
    "PrivacyPage",
    "SitemapPage",
    "StrategyDocumentPage",
    "StrategyIndexPage",
    "TopicPage",
    "TopicRelatedPage",
]
