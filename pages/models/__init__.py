from .accessibility import AccessibilityStatementPage
from .documents import AgencyDocument
from .forms import FeedbackFormField, FeedbackFormPage
from .home import HomePage, HomePageFeaturedTopic
from .lexicon import SearchWord
from .page_history import ChangeNote
from .settings import SiteSettings
from .strategy import StrategyDocumentPage, StrategyIndexPage
from .topic import TopicPage

__all__ = [
    "AccessibilityStatementPage",
    "AgencyDocument",
    "ChangeNote",
    "FeedbackFormField",
    "FeedbackFormPage",
    "HomePage",
    "HomePageFeaturedTopic",
    "SearchWord",
    "SiteSettings",
    "StrategyDocumentPage",
    "StrategyIndexPage",
    "TopicPage",
]
