"""The visitor's order form for a document in an accessible format.

GET shows the form for one document, POST stores the request, e-mails it and shows a
receipt; the same form token posted again (a reload of the receipt, parallel posts)
stores and sends nothing and shows the same receipt (core/form_protection.py). Spam is
stopped as in the feedback form: a honeypot field (the bot is shown the ordinary
receipt, nothing is stored) and a rate limit per client address
(core/ratelimit.py; 429 with the form kept). A document the visitor may not see
(restricted collection, not public yet) answers 404, like the file itself.
No cookie: a signed form token and an origin check instead of Django's CSRF cookie
(core/form_protection.py).
"""

import logging
import smtplib

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.admin.mail import send_mail
from wagtail.documents import get_document_model

from core import ratelimit
from core.form_protection import CROSS_SITE_MESSAGE, cross_site
from core.http_cache import PRIVATE
from core.method_not_allowed import allow_methods
from core.privacy import may_see_document
from documents.models import ACCESSIBILITY_FAILED, ACCESSIBILITY_UNCHECKED
from documents.publicity import refuse_unpublished_document

from .forms import AlternateFormatRequestForm

logger = logging.getLogger(__name__)


def introduction(document):
    """What the order form says of ``document`` (a str in the active language), true to
    its accessibility check (documents/models.py): failed, could not be checked, or
    passed / not checked at all (not a PDF), where another format may still help."""
    values = {"title": document.title}
    if document.accessibility_status == ACCESSIBILITY_FAILED:
        return (
            _(
                "Dokumentet ”%(title)s” är inte tillgängligt för alla. Berätta vilket format "
                "du behöver, så skickar vi det till dig."
            )
            % values
        )
    if document.accessibility_status == ACCESSIBILITY_UNCHECKED:
        return (
            _(
                "Vi har inte kunnat kontrollera om dokumentet ”%(title)s” är tillgängligt för "
                "alla. Berätta vilket format du behöver, så skickar vi det till dig."
            )
            % values
        )
    return (
        _(
            "Behöver du dokumentet ”%(title)s” i ett annat format? Berätta vilket format du "
            "behöver, så skickar vi det till dig."
        )
        % values
    )


def recipients():
    """Addresses that receive the requests: ``ALTERNATE_FORMAT_EMAIL`` (comma-separated,
    from the environment), else the live accessibility statement's contact address."""
    configured = settings.ALTERNATE_FORMAT_EMAIL.split(",")
    addresses = [part.strip() for part in configured if part.strip()]
    if addresses:
        return addresses
    from pages.models import AccessibilityStatementPage

    statement = AccessibilityStatementPage.objects.live().exclude(contact_email="").first()
    return [statement.contact_email] if statement else []


def notify(order, request):
    to = recipients()
    if not to:
        logger.warning("No address for accessible format requests (ALTERNATE_FORMAT_EMAIL)")
        return
    document_url = request.build_absolute_uri(order.document.url) if order.document else ""
    body = "\n".join(
        [
            _("Någon har beställt ett dokument i ett tillgängligt format."),
            "",
            f"{_('Dokument')}: {order.document_title}",
            document_url,
            f"{_('Format')}: {order.get_format_display()}",
            f"{_('Beskrivning')}: {order.details or '-'}",
            f"{_('Namn')}: {order.name or '-'}",
            f"{_('E-post')}: {order.email or '-'}",
            f"{_('Telefon')}: {order.phone or '-'}",
        ]
    )
    try:
        send_mail(
            _("Beställning av tillgängligt format: %(title)s") % {"title": order.document_title},
            body,
            to,
            reply_to=[order.email] if order.email else None,
        )
    except (OSError, smtplib.SMTPException):
        # Stored and listed in the admin; the visitor is not failed.
        logger.exception("Could not e-mail accessible format request %s", order.pk)


@csrf_exempt
@allow_methods("GET", "HEAD", "POST")
def order_accessible_format(request, document_id):
    document = get_object_or_404(get_document_model(), pk=document_id)
    if not may_see_document(request, document):
        raise Http404
    refuse_unpublished_document(document, request)
    form = AlternateFormatRequestForm(
        request.POST or None, token_scope=f"alternate_format:{document.pk}"
    )
    context = {"document": document, "form": form, "introduction": introduction(document)}
    status = 200
    if request.method == "POST" and cross_site(request):
        form.is_valid()
        form.add_error(None, CROSS_SITE_MESSAGE)
        status = 403
    elif request.method == "POST" and form.is_valid():
        if form.is_spam:
            return render(request, "alternate_formats/received.html", context)
        if form.already_sent():
            # A reload of the receipt, a second click: stored and sent once.
            return render(request, "alternate_formats/received.html", context)
        limit, period = settings.ALTERNATE_FORMAT_RATE_LIMIT
        if ratelimit.allow("alternate_format", request, limit, period):
            if not form.claim():  # a parallel post with the same token came first
                return render(request, "alternate_formats/received.html", context)
            try:
                order = form.save(commit=False)
                order.document, order.document_title = document, document.title
                order.save()
            except Exception:
                form.release()
                raise
            notify(order, request)
            return render(request, "alternate_formats/received.html", context)
        form.add_error(
            None,
            _(
                "Du har skickat många beställningar på kort tid. Vänta en stund och "
                "försök igen. Det du skrev finns kvar i formuläret."
            ),
        )
        status = 429
    response = render(request, "alternate_formats/request_form.html", context, status=status)
    if status == 429:
        period = settings.ALTERNATE_FORMAT_RATE_LIMIT[1]
        response["Retry-After"] = str(ratelimit.retry_after("alternate_format", request, period))
    # Each visitor gets a fresh form token: never kept by a shared cache.
    response["Cache-Control"] = PRIVATE
    return response
