"""Admin upload forms for documents and images, with content checks.

Wagtail builds both its single and its multiple upload forms on these bases
(WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE), so every path an
editor can upload through is checked. The checks live in documents/uploads.py.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from documents.image_uploads import (
    check_image_decodes,
    check_image_extension,
    check_image_header,
    damaged_image_error,
)
from documents.uploads import check_document_contents


class AgencyDocumentForm(BaseDocumentForm):
    """Wagtail's document form for every path: single and multiple upload, the
    multiple uploader's edit step, the chooser's upload and the edit form.

    The multiple uploader posts only title, collection and file. A field the editor
    did not send and the model has a default for (the language) takes that default,
    so the document is created at once and the editor corrects it in the form that
    follows, instead of every file taking Wagtail's "uploaded document" detour.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            for name, field in self.fields.items():
                if self._model_has_default(name) and field.widget.value_omitted_from_data(
                    self.data, self.files, self.add_prefix(name)
                ):
                    # Django then leaves the model's default in place (construct_instance).
                    field.required = False

    def _model_has_default(self, name):
        try:
            return self._meta.model._meta.get_field(name).has_default()
        except FieldDoesNotExist:
            return False

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a newly uploaded file is checked; an unchanged one was checked before.
        if uploaded and "file" in self.changed_data:
            check_document_contents(uploaded)
        return uploaded


class AgencyImageField(WagtailImageField):
    """Wagtail's image field, made safe against crafted files and clear about refusals.

    The extension is checked first (an SVG is told SVG is not accepted, not that it is
    broken), then the header: format and pixel limit, before anything is decoded; a
    file that fails to decode (truncated, corrupt) is a form error, not a server error;
    and every frame is decoded once, so renditions made later cannot fail.
    documents/image_uploads.py has the checks and their messages.
    """

    def to_python(self, data):
        if data is not None and hasattr(data, "seek"):
            check_image_extension(data.name)
            check_image_header(data, self.max_image_pixels)
        try:
            uploaded = super().to_python(data)
        except ValidationError:
            raise
        except Exception:  # noqa: BLE001 - Willow passes on Pillow's many error kinds.
            raise damaged_image_error(data.name.rsplit(".", 1)[-1].lower()) from None
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
