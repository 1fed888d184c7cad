"""Body blocks shared by topic, strategy and conference pages: defined once, used everywhere."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.blocks.list_block import ListValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.privacy import may_see_document

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Rubrik 2")), ("h3", _("Rubrik 3"))],
        default="h2",
        help_text=_("Rubrik 2 inleder ett avsnitt, rubrik 3 ett underavsnitt."),
    )

    class Meta:
        template = "blocks/heading_block.html"
        icon = "title"
        label = _("Rubrik")


class TextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "blocks/text_block.html"
        icon = "pilcrow"
        label = _("Text")


def require_choice(value, name, message):
    """Raises StructBlockValidationError, ``message`` on the chooser ``name`` of the StructBlock
    ``value``, when nothing is chosen there: an empty chooser, or a list of choosers
    (ListBlock) with no item or only empty ones."""
    chosen = value.get(name)
    if isinstance(chosen, (list, ListValue)):
        chosen = [item for item in chosen if item]
    if not chosen:
        raise StructBlockValidationError(block_errors={name: ValidationError(message)})


class DocumentListBlock(blocks.StructBlock):
    """A heading over links to documents. Refuses to be saved without a document, and
    renders nothing once none of its documents is left for the visitor (deleted, or in
    a collection closed to them): never a heading over an empty list."""

    heading = blocks.CharBlock(label=_("Rubrik"), required=False, max_length=200)
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Dokument")), label=_("Dokument"), min_num=1
    )

    class Meta:
        template = "blocks/document_list_block.html"
        icon = "doc-full"
        label = _("Dokumentlista")
        help_text = _("Besökaren ser filtyp, storlek och antal sidor vid varje dokument.")

    def clean(self, value):
        require_choice(
            value, "documents", _("Välj minst ett dokument, eller ta bort dokumentlistan.")
        )
        return super().clean(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context["visible_documents"] = [
            document for document in value["documents"] if may_see_document(request, document)
        ]
        return context


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Adress"))
    text = blocks.CharBlock(
        label=_("Länktext"),
        max_length=200,
        help_text=_("Vad länken leder till, till exempel S3 Plattformen. Inte bara adressen."),
    )
    description = blocks.TextBlock(label=_("Beskrivning"), required=False)

    class Meta:
        template = "blocks/external_link_block.html"
        icon = "link-external"
        label = _("Länk till annan webbplats")
        help_text = _("Öppnas i nytt fönster; besökaren får veta det av länken själv.")


class ContactCardBlock(blocks.StructBlock):
    """Renders nothing once the contact person is unpublished or deleted."""

    contact = SnippetChooserBlock("contacts.ContactPerson", label=_("Kontaktperson"))

    def clean(self, value):
        require_choice(value, "contact", _("Välj en kontaktperson, eller ta bort kontaktkortet."))
        return super().clean(value)

    class Meta:
        template = "blocks/contact_card_block.html"
        icon = "user"
        label = _("Kontaktkort")


class ConferenceBlock(blocks.StructBlock):
    """Renders nothing once the conference is unpublished, deleted or made private."""

    conference = blocks.PageChooserBlock(label=_("Konferens"), page_type="events.ConferencePage")
    show_speakers = blocks.BooleanBlock(
        label=_("Visa talare och presentationer"), required=False, default=True
    )

    class Meta:
        template = "blocks/conference_block.html"
        icon = "date"
        label = _("Konferens")
        help_text = _("Visar konferensens datum, plats, sammanfattning och talare.")

    def clean(self, value):
        require_choice(value, "conference", _("Välj en konferens, eller ta bort konferensblocket."))
        return super().clean(value)


class CalloutBlock(blocks.StructBlock):
    """A fact box: heading and text, both required; a box whose text is empty (stored
    before the rule, or emptied by a conversion) renders nothing."""

    heading = blocks.CharBlock(label=_("Rubrik"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "blocks/callout_block.html"
        icon = "warning"
        label = _("Faktaruta")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        text = value.get("text")
        context["has_text"] = bool(strip_tags(text.source if text else "").strip())
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    documents = DocumentListBlock()
    external_link = ExternalLinkBlock()
    contact = ContactCardBlock()
    conference = ConferenceBlock()
    callout = CalloutBlock()

    class Meta:
        label = _("Innehåll")
