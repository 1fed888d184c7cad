"""The admin's login form, which says so when logins are throttled."""

from django import forms
from wagtail.admin.forms.auth import LoginForm

from editorial import login_throttle


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form; while throttled it checks no password and says why.

    The throttle message is the same for every account name, existing or not, and a
    failed login shows Wagtail's one message for unknown names and wrong passwords alike.
    """

    def clean(self):
        seconds = login_throttle.seconds_locked(self.request, self.cleaned_data.get("username"))
        if seconds:
            raise forms.ValidationError(login_throttle.throttled_message(seconds), code="throttled")
        return super().clean()
