"""Body blocks shared by topic, strategy and conference pages: defined once, used everywhere."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

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


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Dokument")), label=_("Dokument"))

    class Meta:
        template = "blocks/document_list_block.html"
        icon = "doc-full"
        label = _("Dokumentlista")
        help_text = _("Besökaren ser filtyp, storlek och antal sidor vid varje dokument.")


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
    contact = SnippetChooserBlock("contacts.ContactPerson", label=_("Kontaktperson"))

    class Meta:
        template = "blocks/contact_card_block.html"
        icon = "user"
        label = _("Kontaktkort")


class ConferenceBlock(blocks.StructBlock):
    conference = blocks.PageChooserBlock(label=_("Konferens"), page_type="events.ConferencePage")
    show_speakers = blocks.BooleanBlock(
        label=_("Visa talare och presentationer"), required=False, default=True
    )

    class Meta:
        template = "blocks/conference_block.html"
        icon = "date"
        label = _("Konferens")
        help_text = _("Visar konferensens datum, plats, sammanfattning och talare.")


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        template = "blocks/callout_block.html"
        icon = "warning"
        label = _("Faktaruta")


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
