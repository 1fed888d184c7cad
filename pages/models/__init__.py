from .accessibility import AccessibilityStatementPage
from .documents import AgencyDocument
from .forms import FeedbackFormField, FeedbackFormPage
from .home import HomePage, HomePageFeaturedTopic
from .home_links import HomePageQuickLink
from .lexicon import SearchWord
from .related import TopicRelatedPage
from .settings import SiteSettings
from .site_pages import PrivacyPage, SitemapPage
from .strategy import StrategyDocumentPage, StrategyIndexPage
from .topic import TopicPage

__all__ = [
    "AccessibilityStatementPage",
    "AgencyDocument",
    "FeedbackFormField",
    "FeedbackFormPage",
    "HomePage",
    "HomePageFeaturedTopic",
    "HomePageQuickLink",
    "SearchWord",
    "PrivacyPage",
    "SiteSettings",
    "SitemapPage",
    "StrategyDocumentPage",
    "StrategyIndexPage",
    "TopicPage",
    "TopicRelatedPage",
]
