from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The web team's way of working: roles, the review workflow and the admin dashboard."""

    name = "editorial"
    verbose_name = _("Redaktionen")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from editorial import login_throttle

        user_login_failed.connect(login_throttle.on_login_failed, dispatch_uid="login_throttle")
        user_logged_in.connect(login_throttle.on_logged_in, dispatch_uid="login_throttle")
