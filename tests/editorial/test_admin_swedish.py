"""The admin speaks Swedish throughout to a Swedish editor, Wagtail's own words included.

Walks the screens a redaktör and a granskare use, over the demo content, and fails on
English words in what a person sees or hears: the visible text of every screen (and of
the dialogs it carries), the names given to screen readers and placeholders, and the
JavaScript catalogue behind the autosave messages and other script-drawn text. Where
Wagtail's Swedish catalogue is incomplete or calls our review "moderering", our own
``locale/sv`` fills it in.

Content (page, document and contact titles) is left out before comparing: the demo has
an English summary whose title is English on purpose. Single strings and messages (the
JavaScript catalogue among them): test_admin_swedish_wording.py.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from contacts.models import ContactPerson
from events.models import ConferencePage
from pages.models import HomePage, StrategyDocumentPage, TopicPage
from tests.editorial.english_words import english_on, in_review, screen_html, visible_text

pytestmark = pytest.mark.django_db


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
