"""Rich text as visitors get it: every document link tells type and size, every link to
another website says so and opens in a new window. Editors write plain links; this adds
the rest, so no link in the body can forget it."""

from bs4 import BeautifulSoup
from django.utils.translation import gettext as _
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text import expand_db_html

from pages.privacy import may_see_document

EXTERNAL_SCHEMES = ("http://", "https://", "//")


def external_link_notice():
    return _("länk till annan webbplats, öppnas i nytt fönster")


def is_external(href):
    return bool(href) and href.strip().lower().startswith(EXTERNAL_SCHEMES)


class AgencyDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's document link, carrying what the visitor should be told about the file."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        tags = []
        for document in cls.get_many(attrs_list):
            # Rich text is rendered without knowing the visitor, so a link to a document
            # in a restricted collection stays plain text for everyone: its address
            # (number and file name) is not published. A documents block shows such a
            # document to members (pages/privacy.py).
            if document is None or not may_see_document(None, document):
                tags.append("<a>")
                continue
            attrs = {
                "href": document.url,
                "data-document-meta": document.description,
            }
            if document.hreflang:
                attrs["hreflang"] = document.hreflang
                attrs["data-document-language"] = document.language_description
            soup = BeautifulSoup("", "html.parser")
            tag = soup.new_tag("a", attrs=attrs)
            tags.append(str(tag).removesuffix("</a>"))
        return tags


def _meta_span(soup, text):
    span = soup.new_tag("span", attrs={"class": "link-meta"})
    span.string = f"({text})"
    return span


def enhance_links(html):
    if "<a" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a"):
        meta = link.attrs.pop("data-document-meta", None)
        language = link.attrs.pop("data-document-language", None)
        if meta is not None:
            link["class"] = [*link.get("class", []), "document-link"]
            text = ", ".join(part for part in (meta, language) if part)
            link.append(" ")
            link.append(_meta_span(soup, text))
        elif is_external(link.get("href")):
            link["target"] = "_blank"
            link["rel"] = ["noopener", "noreferrer"]
            link["class"] = [*link.get("class", []), "external-link"]
            link.append(" ")
            link.append(_meta_span(soup, external_link_notice()))
    return str(soup)


def render_rich_text(value):
    """Stored rich text (a string or a RichText value) to HTML for visitors."""
    source = getattr(value, "source", value) or ""
    return enhance_links(expand_db_html(source))
