"""Finding English on a Swedish admin screen: Wagtail's English words and phrases, the text
a person sees or hears on a screen (content typed by editors left out), and a page sent
to review."""

import json
import re

from bs4 import BeautifulSoup
from wagtail.documents import get_document_model
from wagtail.models import Page, Workflow

from contacts.models import ContactPerson
from pages.models import TopicPage

# Words and phrases of Wagtail's English admin that must not reach a Swedish screen.
# Whole words, case-sensitive: "Edit" is English, "edit" could be part of an identifier.
ENGLISH = [
    "Password",
    "Root",
    "Maximum filesize",
    "of",
    "Saved",
    "Autosave",
    "Save draft",
    "Save",
    "Publish",
    "Unpublish",
    "Submit",
    "moderation",
    "Moderation",
    "Search",
    "Edit",
    "Delete",
    "Cancel",
    "Preview",
    "Choose",
    "Upload",
    "Add",
    "Sort",
    "Previous",
    "Next",
    "Page",
    "Pages",
    "Documents",
    "Images",
    "Settings",
    "Reports",
    "Help",
    "Log out",
    "Sign in",
    "Account",
    "Comments",
    "History",
    "Workflow",
    "Approve",
    "Reject",
    "Draft",
    "Collection",
    "Owner",
    "Close",
    "Loading",
    "Select",
    "Show",
    "Hide",
    "Clear",
    "Apply",
    "Created",
    "Updated",
    "Actions",
    "Refresh",
    "Compare",
    "Never",
    "Any",
    "Anyone",
    "the",
    "and",
    "you",
    "your",
    "has been",
    "this",
    "with",
    "Wagtail",
]
# "Wagtail 8.0.1" names the software (its editor guide); "Wagtail" alone is branding.
ENGLISH_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])(?! \d+\.\d)"
)

SPOKEN_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt", "aria-description")


def content_strings():
    """Titles and names editors typed: content, not the admin's words."""
    pages = Page.objects.filter(depth__gt=1)  # the root is Wagtail's, not content
    strings = [page.title for page in pages] + [page.draft_title for page in pages]
    strings += [document.title for document in get_document_model().objects.all()]
    strings += [document.filename for document in get_document_model().objects.all()]
    strings += [contact.name for contact in ContactPerson.objects.all()]
    strings += [str(contact) for contact in ContactPerson.objects.all()]
    return sorted({s for s in strings if s}, key=len, reverse=True)


def visible_text(html):
    """What a person sees or hears on a screen: its text (dialog templates included)
    and the names and hints given to assistive technology. Scripts, styles and the
    values of form fields (content) are left out."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "textarea"]):
        tag.decompose()
    parts = [soup.get_text(" ")]
    for tag in soup.find_all(True):
        parts += [tag[attribute] for attribute in SPOKEN_ATTRIBUTES if tag.get(attribute)]
        if tag.name in {"input", "button"} and tag.get("type") in {"submit", "button", "reset"}:
            parts.append(tag.get("value", ""))
    text = " ".join(str(part) for part in parts)
    for string in content_strings():
        text = text.replace(string, " ")
    return re.sub(r"\s+", " ", text)


def english_on(text):
    found = []
    for match in ENGLISH_PATTERN.finditer(text):
        start, end = match.span()
        found.append(f"{match.group(0)!r} in …{text[max(0, start - 40) : end + 40]}…")
    return found


def screen_html(client, url):
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200, (url, response.status_code)
    if response["Content-Type"].startswith("application/json"):
        data = json.loads(response.content)
        return data.get("html", "")
    return response.content.decode()


def in_review(redaktor_client):
    """A topic page the redaktör has sent to Granskning, as the granskare finds it."""
    page = TopicPage.objects.live().first()
    revision = page.save_revision(user=redaktor_client.user)
    Workflow.objects.get(name="Granskning").start(page, redaktor_client.user)
    page.refresh_from_db()
    return page, revision
