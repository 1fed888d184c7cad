from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from core.models import SiteSettings

from .models import ContactPerson
from .vcard import build_vcard


@require_safe
def vcard(request, pk):
    """Download a published contact person as a vCard; drafts are not public."""
    contact = get_object_or_404(ContactPerson.objects.live(), pk=pk)
    organisation = SiteSettings.for_request(request).organisation_name
    response = HttpResponse(
        build_vcard(contact, organisation), content_type="text/vcard; charset=utf-8"
    )
    filename = slugify(contact.name) or "kontakt"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response
