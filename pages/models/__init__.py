from .documents import AgencyDocument
from .home import HomePage, HomePageFeaturedTopic
from .settings import SiteSettings
from .strategy import StrategyDocumentPage, StrategyIndexPage
from .topic import TopicPage

__all__ = [
    "AgencyDocument",
    "HomePage",
    "HomePageFeaturedTopic",
    "SiteSettings",
    "StrategyDocumentPage",
    "StrategyIndexPage",
    "TopicPage",
]
