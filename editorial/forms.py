"""The admin's login and password reset forms, with throttling."""

from django import forms
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from editorial import login_throttle


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form; while throttled it checks no password and says why.

    The throttle message is the same for every account name, existing or not, and a
    failed login shows Wagtail's one message for unknown names and wrong passwords alike.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's field has no label, so Django shows the field's name, "Password", in
        # every language; Django's own msgid has a translation in each of ours.
        self.fields["password"].label = gettext_lazy("Password")

    def clean(self):
        seconds = login_throttle.seconds_locked(self.request, self.cleaned_data.get("username"))
        if seconds:
            raise forms.ValidationError(login_throttle.throttled_message(seconds), code="throttled")
        return super().clean()


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form; past the limit the visitor sees the usual "mail
    sent if the address is known" page, but no mail goes out."""

    def save(self, *args, request=None, **kwargs):
        if not login_throttle.allow_password_reset_mail(request, self.cleaned_data["email"]):
            return None
        return super().save(*args, request=request, **kwargs)
