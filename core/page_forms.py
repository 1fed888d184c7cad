"""The admin form of every page type: a taken web address is explained, dates show their format.

- A slug already used by a sibling page is the usual trace of an abandoned draft (an
  autosave creates the page as soon as a title is typed). Wagtail's message only says
  the slug is taken; ours names the page, says whether it is a draft and links to it,
  so the editor can carry on with it, delete it or choose another address.
- A slug is ASCII when ``WAGTAIL_ALLOW_UNICODE_SLUGS`` is off, however it was typed.
- Date and time inputs say the format they expect (``WAGTAIL_DATE_FORMAT`` and
  friends) in their help text, which stays visible while typing, unlike a placeholder
  alone (WCAG 2.1 success criterion 3.3.2, Labels or Instructions).
"""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

# strftime directives as editors read them, in Swedish.
FORMAT_WORDS = {"%Y": "ÅÅÅÅ", "%m": "MM", "%d": "DD", "%H": "tt", "%M": "mm"}


def readable_format(strftime_format):
    """``"%Y-%m-%d %H:%M"`` -> ``"ÅÅÅÅ-MM-DD tt:mm"``."""
    for directive, word in FORMAT_WORDS.items():
        strftime_format = strftime_format.replace(directive, word)
    return strftime_format


def date_formats():
    """The format each kind of admin date/time input expects, as editors read it."""
    return {
        AdminDateTimeInput: readable_format(settings.WAGTAIL_DATETIME_FORMAT),
        AdminDateInput: readable_format(settings.WAGTAIL_DATE_FORMAT),
        AdminTimeInput: readable_format(settings.WAGTAIL_TIME_FORMAT),
    }


class AgencyPageFormMixin:
    """See the module docstring."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = date_formats()
        for field in self.fields.values():
            for widget_class, readable in formats.items():
                if isinstance(field.widget, widget_class):
                    field.widget.attrs.setdefault("placeholder", readable)
                    hint = _("Skriv som %(format)s.") % {"format": readable}
                    field.help_text = f"{field.help_text} {hint}".strip()
                    break

    def clean_slug(self):
        """A typed or pasted address in ASCII, as the browser's slug script writes it
        (``umeå`` -> ``umea``) when ``WAGTAIL_ALLOW_UNICODE_SLUGS`` is off: Wagtail's own
        form accepts any Unicode slug that reaches the server."""
        clean = getattr(super(), "clean_slug", None)
        slug = clean() if clean else self.cleaned_data.get("slug")
        if slug and not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
            ascii_slug = slugify(slug)
            if not ascii_slug:
                raise forms.ValidationError(
                    _("Skriv webbadressen med bokstäverna a–z, siffror och bindestreck.")
                )
            slug = ascii_slug
        return slug

    def clean(self):
        # Read before Wagtail's clean(): adding the error removes the slug from cleaned_data.
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        if slug and self.has_error("slug") and self.parent_page is not None:
            taken = (
                self.parent_page.get_children()
                .filter(slug=slug)
                .exclude(pk=self.instance.pk)
                .first()
            )
            if taken is not None:
                del self.errors["slug"]
                self.add_error("slug", forms.ValidationError(slug_taken_message(slug, taken)))
        return cleaned_data


def slug_taken_message(slug, taken):
    """The error for a slug another page under the same parent already has, with a link
    to that page's editor (safe HTML)."""
    if taken.live:
        state = _("publicerad")
    elif taken.first_published_at is None:
        state = _("utkast som aldrig har publicerats")
    else:
        state = _("avpublicerad")
    return format_html(
        '{} <a href="{}">{}</a>',
        _(
            "Webbadressen ”%(slug)s” används redan av sidan ”%(title)s” (%(state)s) på samma "
            "plats. Fortsätt med den sidan, ta bort den eller välj en annan webbadress."
        )
        % {"slug": slug, "title": taken.get_admin_display_title(), "state": state},
        reverse("wagtailadmin_pages:edit", args=[taken.pk]),
        _("Öppna ”%(title)s”") % {"title": taken.get_admin_display_title()},
    )


class AgencyPageForm(AgencyPageFormMixin, WagtailAdminPageForm):
    """Base form of our page types."""


class AgencyFormPageForm(AgencyPageFormMixin, WagtailAdminFormPageForm):
    """Base form of our form pages (Wagtail's form builder pages)."""
