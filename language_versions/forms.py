"""The admin's copy form for an easy-to-read page (EasyReadPage.copy_form_class).

Wagtail copies a page without running its ``clean()`` (CopyPageAction saves with
``clean=False``), so "Publicera kopian" or "Alias" on a live easy-to-read page would give
its topic page two live easy-to-read pages, the thing EasyReadPage.clean refuses. An
unpublished copy stays allowed: it is linked from nowhere until it is published, and
publishing it goes through the edit form and ``clean()``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.pages import CopyForm

LIVE_COPY_REFUSED = _(
    "En publicerad kopia eller ett alias skulle ge ämnessidan två lättlästa sidor. "
    "Kopiera utan att publicera, och välj en annan ämnessida i kopian innan du publicerar den."
)


class EasyReadCopyForm(CopyForm):
    def clean(self):
        cleaned_data = super().clean()
        chosen = [name for name in ("publish_copies", "alias") if cleaned_data.get(name)]
        page = self.page.specific
        if chosen and page.topic_id and page.live_page_for_topic_exists():
            self.add_error(chosen[0], LIVE_COPY_REFUSED)  # shown beside the box ticked
        return cleaned_data
