import logging
import smtplib

import django.forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField

from contacts.models import ContactMixin
from core import ratelimit
from core.fields import introduction_field
from core.form_fields import (
    LONG_TEXT_MAX_LENGTH,
    VisibleDateField,
    VisibleDateTimeField,
    VisibleDecimalField,
    VisibleEmailField,
    VisibleLineField,
    VisiblePhoneField,
    VisibleTextField,
    VisibleURLField,
)
from core.form_protection import (
    CROSS_SITE_MESSAGE,
    TOKEN_FIELD,
    FormTokenMixin,
    cross_site,
    refresh_tokens,
)
from core.honeypot import HONEYPOT_FIELD, HoneypotMixin, honeypot_field
from core.http_cache import PRIVATE
from core.models.mixins import CachedViewRestrictionsMixin
from core.page_forms import AgencyFormPageForm
from core.publication import PublicationGuard
from core.summary import SummaryMixin
from search.text import in_search_form

logger = logging.getLogger(__name__)

RATE_LIMITED_MESSAGE = _(
    "Du har skickat många meddelanden på kort tid. Vänta en stund och försök igen. "
    "Det du skrev finns kvar i formuläret."
)

# Wagtail's field types, and after "Email" a phone number checked as the accessible-format
# order checks it (FeedbackFormBuilder.create_phone_field).
FIELD_TYPE_CHOICES = (
    *FORM_FIELD_CHOICES[:3],
    ("phone", _("Telefonnummer")),
    *FORM_FIELD_CHOICES[3:],
)
# As long as the accessible-format order's phone number (alternate_formats' model).
PHONE_MAX_LENGTH = 40

# Fields whose label says they ask for the visitor's own name: browsers can fill them in.
AUTOCOMPLETE_BY_NAME = {"namn": "name", "ditt_namn": "name", "telefon": "tel"}


class FeedbackForm(HoneypotMixin, FormTokenMixin, BaseForm):
    """The visitor's form: the editor's fields plus the honeypot (core/honeypot.py) and
    the signed form token (core/form_protection.py), neither of which reaches
    cleaned_data. Takes Wagtail's ``page`` and ``user``."""

    def __init__(self, *args, **kwargs):
        page = kwargs.get("page")
        super().__init__(*args, token_scope=f"feedback:{getattr(page, 'pk', '')}", **kwargs)

    def reply_to(self):
        """The first e-mail address the visitor gave, so the reply goes straight back."""
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if isinstance(field, django.forms.EmailField) and value:
                return [value]
        return None


class FeedbackFormBuilder(FormBuilder):
    """Wagtail's form builder with the visitors' text rule (core/form_fields.py) in every
    field a visitor types into: a required field of nothing visible is refused beside
    the field like an empty one."""

    def create_singleline_field(self, field, options):
        options["max_length"] = 255
        form_field = VisibleLineField(**options)
        autocomplete = AUTOCOMPLETE_BY_NAME.get(field.clean_name)
        if autocomplete:
            form_field.widget.attrs["autocomplete"] = autocomplete
        return form_field

    def create_multiline_field(self, field, options):
        options["max_length"] = LONG_TEXT_MAX_LENGTH
        options.setdefault("widget", django.forms.Textarea)
        return VisibleTextField(**options)

    def create_email_field(self, field, options):
        form_field = VisibleEmailField(**options)
        form_field.widget.attrs["autocomplete"] = "email"
        return form_field

    def create_phone_field(self, field, options):
        """A phone number, as in the accessible-format order: a number that can be called
        (core.phone.validate_phone_number: Swedish without a country code), stored as the
        visitor wrote it; the browser offers a phone keypad and the visitor's own number."""
        options["max_length"] = PHONE_MAX_LENGTH
        options["widget"] = django.forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
        return VisiblePhoneField(**options)

    def create_url_field(self, field, options):
        return VisibleURLField(**options)

    def create_number_field(self, field, options):
        return VisibleDecimalField(**options)

    def create_date_field(self, field, options):
        return VisibleDateField(**options)

    def create_datetime_field(self, field, options):
        return VisibleDateTimeField(**options)

    def get_form_class(self):
        fields = {**self.formfields, HONEYPOT_FIELD: honeypot_field()}
        return type("FeedbackForm", (FeedbackForm,), fields)


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("fälttyp"), max_length=16, choices=FIELD_TYPE_CHOICES)
    field_type.required_on_save = True  # as Wagtail's: previews build the field from it

    def clean(self):
        super().clean()
        if (self.clean_name or self.get_field_clean_name()) in (HONEYPOT_FIELD, TOKEN_FIELD):
            raise ValidationError({"label": _("Välj en annan etikett för fältet.")})


class FeedbackFormPage(
    PublicationGuard, CachedViewRestrictionsMixin, SummaryMixin, ContactMixin, AbstractEmailForm
):
    """Har du synpunkter? A form built by editors. Each submission is stored (listed and
    exported as CSV under Formulär in the admin) and e-mailed to the page's contact
    person. Spam is stopped by a honeypot field and a rate limit per address, so
    visitors never solve a CAPTCHA. A form token is stored and e-mailed once: the same
    token posted again gets the thank-you page and nothing more. No cookie: forgery is
    stopped by a signed form token and an origin check instead of Django's CSRF cookie
    (core/form_protection.py)."""

    cookie_free_form = True

    base_form_class = AgencyFormPageForm

    introduction = introduction_field(_("Visas under rubriken, före formuläret."))
    thank_you_text = RichTextField(
        _("tack-text"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Visas när besökaren har skickat formuläret."),
    )

    form_builder = FeedbackFormBuilder

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Formulärfält"), heading=_("Formulärfält")),
        FieldPanel("thank_you_text"),
        FieldPanel(
            "contact",
            help_text=_("Får synpunkterna med e-post. Visas som kontaktkort sist på sidan."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-post"),
            help_text=_("Mottagare används bara om sidan saknar kontaktperson med e-postadress."),
        ),
    ]

    search_fields = in_search_form(AbstractEmailForm.search_fields)

    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("formulär för synpunkter")
        verbose_name_plural = _("formulär för synpunkter")

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            response = super().serve(request, *args, **kwargs)
            # Each visitor gets a fresh form token: never kept by a shared cache, nor
            # taken from the render cache's copy of the page.
            refresh_tokens(response, f"feedback:{self.pk}")
            response["Cache-Control"] = PRIVATE
            return response
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        status = 200
        if cross_site(request):
            form.is_valid()
            form.add_error(None, CROSS_SITE_MESSAGE)
            status = 403
        elif form.is_valid():
            if form.is_spam:
                # The bot is told nothing: it sees the ordinary thank-you page.
                return self.render_landing_page(request, None, *args, **kwargs)
            if form.already_sent():
                # A reload of the thank-you page, a second click: stored and sent once.
                return self.render_landing_page(request, None, *args, **kwargs)
            limit, period = settings.FEEDBACK_RATE_LIMIT
            if ratelimit.allow("feedback", request, limit, period):
                if not form.claim():  # a parallel post with the same token came first
                    return self.render_landing_page(request, None, *args, **kwargs)
                try:
                    submission = self.process_form_submission(form)
                except Exception:
                    form.release()
                    raise
                return self.render_landing_page(request, submission, *args, **kwargs)
            form.add_error(None, RATE_LIMITED_MESSAGE)
            status = 429
        context = self.get_context(request)
        context["form"] = form
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        if status == 429:
            response["Retry-After"] = str(
                ratelimit.retry_after("feedback", request, settings.FEEDBACK_RATE_LIMIT[1])
            )
        return response

    def get_recipients(self):
        """The contact person gets the feedback; the page's own addresses are the fallback."""
        if self.contact is not None and self.contact.email:
            return [self.contact.email]
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        self.send_mail(form)
        return submission

    def send_mail(self, form):
        recipients = self.get_recipients()
        if not recipients:
            return
        try:
            send_mail(
                self.subject or _("Synpunkter via webbplatsen: %(title)s") % {"title": self.title},
                self.render_email(form),
                recipients,
                self.from_address or None,
                reply_to=form.reply_to(),
            )
        except (OSError, smtplib.SMTPException):
            # The submission is stored and listed in the admin; the visitor is not failed.
            logger.exception("Could not e-mail feedback from page %s", self.pk)

    def render_email(self, form):
        return "\n".join(
            [
                super().render_email(form),
                "",
                str(_("Skickat från %(url)s") % {"url": self.full_url or self.url}),
            ]
        )
