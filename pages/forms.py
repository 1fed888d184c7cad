"""Admin upload forms for documents and images, with content checks.

Wagtail builds both its single and its multiple upload forms on these bases
(WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE), so every path an
editor can upload through is checked. The checks live in pages/uploads.py.
"""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from pages.uploads import check_document_contents, check_image_decodes


class AgencyDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a newly uploaded file is checked; an unchanged one was checked before.
        if uploaded and "file" in self.changed_data:
            check_document_contents(uploaded)
        return uploaded


class AgencyImageForm(BaseImageForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_image_decodes(uploaded)
        return uploaded
