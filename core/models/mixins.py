from wagtail.models import PageViewRestriction


class CachedViewRestrictionsMixin:
    """Page types whose view restrictions are read from the cache, and whose password
    page speaks the page's language.

    Wagtail asks every served page for the restrictions on it and its ancestors, two
    queries per request; the private sections of the site are few and are kept in the
    cache (core/structure_cache.py), so only a page inside one costs a query.
    """

    def get_view_restrictions(self):
        from core import structure_cache

        if not self.path or self.alias_of_id:
            return super().get_view_restrictions()
        ids = structure_cache.view_restriction_ids(self)
        if not ids:
            return no_view_restrictions()
        return PageViewRestriction.objects.filter(pk__in=ids)

    def serve_password_required_response(self, request, form, action_url):
        """Wagtail's password page (core/password_required.html) in the page's own
        language: a wrong password is answered from Wagtail's address outside /en/
        (/_util/authenticate_with_password/...), which would otherwise turn an English
        page's form Swedish. Rendered here, inside the language."""
        from django.utils import translation

        with translation.override(self.locale.language_code):
            response = super().serve_password_required_response(request, form, action_url)
            response.render()
        return response


def no_view_restrictions():
    """An empty queryset of PageViewRestriction, already evaluated: Wagtail iterates the
    restrictions of every page it serves, and for a page outside every private section
    (almost all) that costs no SQL compiling. Chained (``order_by``, ``filter``) it is
    Django's ``none()``."""
    queryset = PageViewRestriction.objects.none()
    queryset._result_cache = []
    queryset._prefetch_done = True
    return queryset
