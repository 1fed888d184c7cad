"""Rich text as visitors get it, through Wagtail's own rewriting (link handlers registered
in core/wagtail_hooks.py), so ``{{ page.body }}``, ``{% include_block %}`` and ``|richtext``
all give the final HTML and no template can forget it:

- a link to a page or document a visitor cannot open (not live, deleted, restricted; see
  core/privacy.py) is plain text: its address would only answer 404 or ask for a login;
- every document link tells type, size, pages and language (WCAG 2.1 SC 2.4.4, link
  purpose), every link to another website says so and opens in a new window with
  ``rel="noopener noreferrer"`` (OWASP: reverse tabnabbing).

Wagtail's LinkRewriter replaces only the opening ``<a>`` tag, so a handler marks a link
whose text needs a visible notice with ``data-link-notice``; ``add_link_notices`` (run by
our ``wagtailcore/shared/richtext.html``, the template Wagtail renders every rich text
with) moves it into a ``<span class="link-meta">`` before the link's ``</a>``.

Each handler costs a fixed number of queries per render however many links: one for the
linked objects, one for the view restrictions.
"""

import re

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Page
from wagtail.rich_text import LinkHandler
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.templatetags.wagtailcore_tags import richtext

from core.privacy import documents_anyone_may_see, pages_anyone_may_see

NOTICE_ATTRIBUTE = "data-link-notice"
# On a link to a document that failed the accessibility check (documents/pdf_accessibility.py):
# the address of the form to order it in an accessible format, offered after the link.
ORDER_ATTRIBUTE = "data-order-format"
_ORDER = re.compile(r' data-order-format="([^"]*)"')
# An opening tag our handlers marked, its text and its closing tag (rich text never nests
# links, so the first </a> closes it). Attribute values are escaped, so never hold ">".
_MARKED_LINK = re.compile(
    r'<a\b([^>]*?) data-link-notice="([^"]*)"([^>]*)>(.*?)</a>', re.DOTALL | re.IGNORECASE
)


def external_link_notice():
    return _("länk till annan webbplats, öppnas i nytt fönster")


def _opening_tag(attrs):
    """<a ...> with escaped attribute values, in the given order; None values left out."""
    parts = "".join(f' {name}="{escape(value)}"' for name, value in attrs if value is not None)
    return f"<a{parts}>"


def _ids(attrs_list):
    return [attrs.get("id", "") for attrs in attrs_list]


class VisiblePageLinkHandler(PageLinkHandler):
    """Wagtail's page link, as plain text when the page is not live, is deleted or is
    under a view restriction (rich text is rendered without knowing the visitor)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = pages_anyone_may_see(_ids(attrs_list))
        # The linked page in the reader's language where it is translated: one query, and
        # only for links to pages in another language.
        language = translation.get_language()
        keys = [
            page.translation_key for page in pages.values() if page.locale.language_code != language
        ]
        translated = {}
        if keys:
            found = Page.objects.live().filter(
                translation_key__in=keys, locale__language_code=language
            )
            visible = pages_anyone_may_see(found.values_list("pk", flat=True))
            translated = {page.translation_key: page for page in visible.values()}
        tags = []
        for page_id in _ids(attrs_list):
            page = pages.get(int(page_id)) if str(page_id).isdigit() else None
            page = translated.get(page.translation_key, page) if page is not None else None
            url = page.url if page is not None else None
            # Still in another language (no translation): say so to browsers and
            # assistive technology (the link text is the reader's language: no lang).
            other = page.locale.language_code if page is not None else language
            hreflang = other if other != language else None
            tags.append(_opening_tag([("href", url), ("hreflang", hreflang)]) if url else "<a>")
        return tags


class AgencyDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's document link, carrying what the visitor should be told about the file;
    plain text for a deleted document or one in a restricted collection."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        documents = documents_anyone_may_see(_ids(attrs_list))
        tags = []
        for document_id in _ids(attrs_list):
            document = documents.get(int(document_id)) if str(document_id).isdigit() else None
            if document is None:
                tags.append("<a>")
                continue
            notice = ", ".join(
                part for part in (document.description, document.language_description) if part
            )
            tags.append(
                _opening_tag(
                    [
                        ("href", document.url),
                        ("class", "document-link"),
                        ("hreflang", document.hreflang or None),
                        (ORDER_ATTRIBUTE, order_format_url(document)),
                        (NOTICE_ATTRIBUTE, notice),
                    ]
                )
            )
        return tags


class ExternalLinkHandler(LinkHandler):
    """A link to another website (http or https): says so and opens in a new window."""

    identifier = "external"

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        notice = external_link_notice()
        return [
            _opening_tag(
                [
                    ("href", attrs.get("href", "")),
                    ("class", "external-link"),
                    ("target", "_blank"),
                    ("rel", "noopener noreferrer"),
                    (NOTICE_ATTRIBUTE, notice),
                ]
            )
            for attrs in attrs_list
        ]

    @classmethod
    def expand_db_attributes(cls, attrs):
        return cls.expand_db_attributes_many([attrs])[0]


def _with_notice(match):
    before, notice, after, text = match.groups()
    order = _ORDER.search(before)
    link = f'<a{_ORDER.sub("", before)}{after}>{text} <span class="link-meta">({notice})</span></a>'
    if order is None:
        return link
    return f"{link} {order_format_link(order.group(1), text)}"


def order_format_url(document):
    """The order form's address for a document visitors may need in another format, else None."""
    if not document.is_inaccessible:
        return None
    return reverse("alternate_formats:order", args=[document.pk])


def order_format_link(url, text_html):
    """The visitor's offer (safe HTML) to order a document in an accessible format;
    ``text_html`` (the document link's own text, safe HTML) names it for screen readers."""
    return (
        f'<a class="order-format" href="{url}">'
        f"{escape(_('Beställ dokumentet i ett tillgängligt format'))}"
        f'<span class="visually-hidden">: {text_html}</span></a>'
    )


def add_link_notices(html):
    """Rewritten rich text with each marked link's notice shown after its text.

    One linear pass with a regular expression; text without marked links is returned as it
    is.
    """
    if NOTICE_ATTRIBUTE not in html:
        return html
    return _MARKED_LINK.sub(_with_notice, html)


def render_rich_text(value):
    """Stored rich text (a string or a RichText value) to HTML for visitors: what
    ``{{ value }}`` and ``|richtext`` render in a template."""
    return str(richtext(value))
