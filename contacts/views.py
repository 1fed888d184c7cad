from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from core.method_not_allowed import allow_methods
from core.models import SiteSettings

from .models import ContactPerson
from .vcard import build_vcard


@allow_methods("GET", "HEAD")
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
