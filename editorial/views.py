"""The admin's login view, answering 429 Too Many Requests while logins are throttled."""

from django.core.exceptions import NON_FIELD_ERRORS
from wagtail.admin.views.account import LoginView

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
