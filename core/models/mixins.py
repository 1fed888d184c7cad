from wagtail.models import PageViewRestriction


class CachedViewRestrictionsMixin:
    """Page types whose view restrictions are read from the cache.

    Wagtail asks every served page for the restrictions on it and its ancestors, two
    queries per request; the private sections of the site are few and are kept in the
    cache (core/structure_cache.py), so only a page inside one costs a query.
    """

    def get_view_restrictions(self):
        from core import structure_cache

        if not self.path or self.alias_of_id:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(pk__in=structure_cache.view_restriction_ids(self))
