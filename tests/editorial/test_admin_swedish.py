"""The admin speaks Swedish throughout to a Swedish editor, Wagtail's own words included.

Walks the screens a redaktör and a granskare use, over the demo content, and fails on
English words in what a person sees or hears: the visible text of every screen (and of
the dialogs it carries), the names given to screen readers and placeholders, and the
JavaScript catalogue behind the autosave messages and other script-drawn text. Where
Wagtail's Swedish catalogue is incomplete or calls our review "moderering", our own
``locale/sv`` fills it in.

Content (page, document and contact titles) is left out before comparing: the demo has
an English summary whose title is English on purpose.
"""

import json
import re
from pathlib import Path

import pytest
import wagtail
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Workflow
from wagtail.permissions import policy_registry

from contacts.models import ContactPerson
from events.models import ConferencePage
from pages.models import HomePage, StrategyDocumentPage, TopicPage

pytestmark = pytest.mark.django_db

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

# The inputs: strings seen in English on Swedish screens, and the workflow's name.
SEEN_IN_ENGLISH = [
    "Maximum filesize: %(max_upload_size)s.",
    "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s",
    "Autosave is paused",
    "There are validation errors, click save to highlight them.",
    "Saved",
    "Sign in to Wagtail",
]
SPOKEN_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt", "aria-description")


@pytest.fixture
def demo(db):
    call_command("load_demo_content", verbosity=0)


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


def pages_by_type():
    return {
        model: model.objects.live().first()
        for model in (HomePage, TopicPage, ConferencePage, StrategyDocumentPage)
    }


def add_urls():
    """The create screen of every page type an editor may add somewhere in the demo."""
    urls = {}
    for parent in Page.objects.filter(depth__gt=1).specific():
        for model in parent.specific_class.creatable_subpage_models():
            if model in urls or not model.can_create_at(parent):
                continue
            urls[model] = reverse(
                "wagtailadmin_pages:add",
                args=(model._meta.app_label, model._meta.model_name, parent.pk),
            )
    return list(urls.values())


def editor_screens(user):
    """The screens both roles use, in the order an editor meets them."""
    home = HomePage.objects.get(locale__language_code="sv")
    policy = policy_registry.get_by_type(get_document_model())
    document = policy.instances_user_has_permission_for(user, "change").first()
    contact = ContactPerson.objects.first()
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=(home.pk,)),
        reverse("wagtailadmin_pages:add_subpage", args=(home.pk,)),
        *add_urls(),
    ]
    for page in Page.objects.filter(depth__gt=1).specific():
        urls += [
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            reverse("wagtailadmin_pages:history", args=(page.pk,)),
        ]
    urls += [
        reverse("wagtailadmin_pages:search") + "?q=smart",
        reverse("wagtailadmin_pages:search") + "?q=ingenting-alls",
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:index") + "?q=strategi",
        reverse("wagtaildocs:add"),
        reverse("wagtaildocs:add_multiple"),
        *([reverse("wagtaildocs:edit", args=(document.pk,))] if document else []),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailsnippets_contacts_contactperson:list"),
        reverse("wagtailsnippets_contacts_contactperson:add"),
        reverse("wagtailsnippets_contacts_contactperson:edit", args=(contact.pk,)),
        reverse("wagtailsnippets_contacts_contactperson:history", args=(contact.pk,)),
        reverse("wagtailadmin_account"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailadmin_choose_page"),
    ]
    return urls


REPORTS = [
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
]


def walk(client, urls):
    found = []
    for url in urls:
        text = visible_text(screen_html(client, url))
        found += [f"{url}: {hit}" for hit in english_on(text)]
    return found


def reports_for(client):
    """The reports this role may open (the others send it back to the dashboard)."""
    urls = [reverse(name) for name in REPORTS]
    return [url for url in urls if client.get(url).status_code == 200]


def in_review(redaktor_client):
    """A topic page the redaktör has sent to Granskning, as the granskare finds it."""
    page = TopicPage.objects.live().first()
    revision = page.save_revision(user=redaktor_client.user)
    Workflow.objects.get(name="Granskning").start(page, redaktor_client.user)
    page.refresh_from_db()
    return page, revision


def test_a_redaktor_meets_no_english_on_the_screens_an_editor_uses(demo, redaktor_client):
    in_review(redaktor_client)

    reports = reports_for(redaktor_client)
    found = walk(redaktor_client, editor_screens(redaktor_client.user) + reports)

    assert reports
    assert found == [], "\n".join(found)


def test_a_granskare_meets_no_english_when_reviewing(demo, redaktor_client, granskare_client):
    page, _revision = in_review(redaktor_client)
    task_state = page.current_workflow_task_state
    urls = [
        *editor_screens(granskare_client.user),
        reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)),
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)),
    ]

    reports = reports_for(granskare_client)
    found = walk(granskare_client, urls + reports)

    assert reports
    assert found == [], "\n".join(found)


def test_the_login_and_password_reset_pages_are_swedish_and_name_the_site(db):
    client = Client()
    login = visible_text(screen_html(client, reverse("wagtailadmin_login")))
    reset = visible_text(screen_html(client, reverse("wagtailadmin_password_reset")))

    assert "<h1>Logga in på Tillväxtverkets webbplats</h1>" in client.get("/admin/login/").text
    assert english_on(login) == []
    assert english_on(reset) == []


MODERATION_MESSAGES = [
    "Submit for moderation",
    "In Moderation",
    "in moderation",
    "live + in moderation",
    "%(model_name)s '%(object)s' has been submitted for moderation.",
    "Page '%(page_title)s' has been submitted for moderation.",
    'The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".',
    "Receive notification when a page is submitted for moderation",
]


@pytest.mark.parametrize("message", MODERATION_MESSAGES)
def test_the_review_is_called_granskning_not_moderering(message):
    """Wagtail's messages say "moderering"; our workflow, its groups and mails say granskning."""
    with translation.override("sv"):
        swedish = translation.gettext(message)

    assert "gransk" in swedish.lower()
    assert "moder" not in swedish.lower()


def wagtail_script_messages():
    """Every message Wagtail's admin scripts can show (its English source catalogue)."""
    path = Path(wagtail.__file__).parent / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
    return [
        json.loads(message)
        for message in re.findall(r'^msgid (".+")$', path.read_text(), flags=re.MULTILINE)
    ]


def test_the_script_catalogue_is_swedish_for_every_message_wagtail_scripts_show(redaktor_client):
    response = redaktor_client.get(reverse("wagtailadmin_javascript_catalog"))
    catalogue = json.loads(
        re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S).group(1)
    )

    missing = [message for message in wagtail_script_messages() if message not in catalogue]

    assert missing == []
    assert catalogue["Changes have been autosaved."] != "Changes have been autosaved."


@pytest.mark.parametrize("message", SEEN_IN_ENGLISH)
def test_each_message_seen_in_english_has_a_swedish_translation(message):
    with translation.override("sv"):
        assert translation.gettext(message) != message


def test_the_password_field_is_labelled_in_swedish_on_the_login_page(db):
    html = Client().get(reverse("wagtailadmin_login")).text

    assert re.search(r'id="id_password-label">\s*Lösenord', html)


def test_the_root_page_and_root_collection_have_swedish_names(db):
    """Wagtail's migrations name them "Root"; the admin shows that name as it is."""
    from wagtail.models import Collection

    assert Page.get_first_root_node().title == "Rot"
    assert Page.get_first_root_node().draft_title == "Rot"
    assert Collection.get_first_root_node().name == "Rot"


def test_the_page_search_counts_its_results_in_sidor(demo, redaktor_client):
    """The admin's page search said "1–3 av 3 None": Wagtail 8.0.1's search view names
    no model (editorial/apps.py gives it the page model's names)."""
    text = visible_text(
        screen_html(redaktor_client, reverse("wagtailadmin_pages:search") + "?q=smart")
    )
    assert "None" not in text
    assert re.search(r"1–\d+ av \d+ sidor", text), text
    text = visible_text(
        screen_html(redaktor_client, reverse("wagtailadmin_pages:search") + "?q=ingenting-alls")
    )
    assert "None" not in text


def test_usage_counts_and_the_admin_404_read_as_swedish_not_as_wagtails_wording():
    """Wagtail's Swedish says "Denna dokument är refererad" (wrong gender) and "Gå till
    Wagtail admin"; our catalogue says it right."""
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    with translation.override("sv"):
        usage = ngettext(
            "This %(model_name)s is referenced %(usage_count)s time.",
            "This %(model_name)s is referenced %(usage_count)s times.",
            3,
        ) % {"model_name": "dokument", "usage_count": 3}
        go_to_admin = gettext("Go to Wagtail admin")

    assert usage == "Används på 3 ställen (dokument)."
    assert "Wagtail" not in go_to_admin


def test_the_approve_and_publish_actions_are_written_in_swedish_sentence_case(
    demo, redaktor_client, granskare_client
):
    """The edit page's action menu says "Godkänn och publicera", as Swedish is written
    (Wagtail's own catalogue has "Godkänn och Publicera")."""
    page, _revision = in_review(redaktor_client)

    text = visible_text(
        screen_html(granskare_client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    )

    assert "Godkänn och publicera" in text
    assert "Godkänn med kommentar och publicera" in text
    assert "och Publicera" not in text
