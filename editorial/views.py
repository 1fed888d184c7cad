"""The admin's login view, answering 429 Too Many Requests while logins are throttled,
and the page delete confirmation naming what live pages lose."""

from django.core.exceptions import NON_FIELD_ERRORS
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.pages.delete import DeleteView

from core.usage import live_pages_losing_with_subpages
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
