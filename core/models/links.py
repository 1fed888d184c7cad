"""A row of a list an editor builds on a page: quick links on the home page, a
conference's summaries. Each row links to a page or document (``core.fields.chosen_link``)
and may carry the editor's own, shorter text (``core.fields.link_text_field``).
"""

from wagtail.models import Orderable


class ChosenLink(Orderable):
    """``link_text``: the editor's text, or the target's title when it is left empty.

    Subclasses name their two fields in ``text_field`` and ``target_field``. The link
    text also names the row in delete warnings (core/usage.py), not "… object (1)".
    """

    text_field = "text"
    target_field = "page"

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.link_text

    @property
    def link_text(self):
        return getattr(self, self.text_field) or getattr(self, self.target_field).title
