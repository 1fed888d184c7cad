from .accessibility import AccessibilityStatementPage
from .home import HomePage, HomePageFeaturedTopic
from .strategy import StrategyDocumentPage, StrategyIndexPage
from .topic import TopicPage

__all__ = [
    "AccessibilityStatementPage",
    "HomePage",
    "HomePageFeaturedTopic",
    "StrategyDocumentPage",
    "StrategyIndexPage",
    "TopicPage",
]
