from .mixins import CachedViewRestrictionsMixin
from .settings import SiteSettings

__all__ = ["CachedViewRestrictionsMixin", "SiteSettings"]
