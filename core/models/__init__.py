from .mixins import CachedViewRestrictionsMixin
from .page_history import ChangeNote
from .settings import SiteSettings

__all__ = ["CachedViewRestrictionsMixin", "ChangeNote", "SiteSettings"]
