"""The admin's login view, answering 429 Too Many Requests while logins are throttled,
and the page delete confirmations (one page, and the page listing's bulk delete) naming
what live pages lose."""

from django.core.exceptions import NON_FIELD_ERRORS
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.delete import DeleteView

from core.usage import live_pages_losing_with_subpages, live_pages_losing_with_subtrees
from editorial import login_throttle


class ThrottledLoginView(LoginView):
    """Wagtail's login view. While throttled the form comes back with its message and
    status 429 with Retry-After, which monitoring and scripts understand; people read the
    message. Any other failed login is Wagtail's usual 200."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, code="throttled"):
            response.status_code = 429
            seconds = login_throttle.seconds_locked(self.request, form.data.get("username"))
            response["Retry-After"] = str(max(1, seconds))
        return response


class PageDeleteView(DeleteView):
    """Wagtail's page delete view. Its confirmation also lists the live pages that lose
    something when the page goes, and what (core/usage.py; shown under the usage count
    by templates/wagtailadmin/shared/usage_summary.html), as documents, images and
    contact persons do: a conference block, a short link, a featured topic; of the page
    and of each subpage deleted with it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_delete_losses"] = live_pages_losing_with_subpages(self.page)
        return context


class PageBulkDeleteAction(DeleteBulkAction):
    """Wagtail's bulk action "Delete" of the page listing (registered in its place by
    editorial/wagtail_hooks.py). Its confirmation also lists, once for the whole
    selection, the live pages that lose something when the selected pages the user may
    delete go with their subpages, as ``PageDeleteView`` does for one page; pages inside
    the deleted set are not listed. One reference-index query however many pages are
    selected (core/usage.py: ``live_pages_losing_with_subtrees``)."""

    template_name = "editorial/confirm_bulk_page_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bulk_delete_losses"] = live_pages_losing_with_subtrees(
            entry["item"] for entry in context["items"]
        )
        return context
