"""Admin upload forms for documents and images, with content checks.

Wagtail builds both its single and its multiple upload forms on these bases
(WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE), so every path an
editor can upload through is checked. The checks live in pages/uploads.py.
"""

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from pages.uploads import (
    broken_image_error,
    check_document_contents,
    check_image_decodes,
    check_image_dimensions,
)


class AgencyDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a newly uploaded file is checked; an unchanged one was checked before.
        if uploaded and "file" in self.changed_data:
            check_document_contents(uploaded)
        return uploaded


class AgencyImageField(WagtailImageField):
    """Wagtail's image field, made safe against crafted files.

    The pixel limit is checked from the header before anything is decoded; a file
    that fails to decode (truncated, corrupt) is a form error, not a server error;
    and every frame is decoded once, so renditions made later cannot fail.
    """

    def to_python(self, data):
        if data is not None and hasattr(data, "seek"):
            check_image_dimensions(data, self.max_image_pixels)
        try:
            uploaded = super().to_python(data)
        except ValidationError:
            raise
        except Exception:  # noqa: BLE001 - Willow passes on Pillow's many error kinds.
            raise broken_image_error() from None
        if uploaded is not None:
            check_image_decodes(uploaded)
        return uploaded


class AgencyImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            generated = self.fields["file"]
            self.fields["file"] = AgencyImageField(
                label=generated.label, required=generated.required, widget=generated.widget
            )
