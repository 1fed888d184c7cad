"""Who reaches what in the admin: every URL family, for each role.

A redaktör writes pages and submits them for review, uploads files (and changes or
deletes only the ones they uploaded), and keeps contact persons up to date; the only
pages a redaktör may delete are their own drafts that were never published. A granskare
may also publish, unpublish, move and delete single pages (Wagtail ties deleting and
moving to publishing; a section with subpages needs "bulk delete", which nobody but
administrators has), lock and unlock pages, change and delete any file and delete
contact persons. Neither touches users, groups, sites, workflows, redirects, search
promotions, collections or site settings: those are the administrators' (superusers').

Both roles read the feedback form's submissions: the web team answers the feedback.

The outcomes:
    LOGIN   a visitor who is not logged in is sent to the admin login
    OK      the page opens (200, or a redirect within the admin that ends in 200)
    DENIED  Wagtail's "no permission" (redirect to the dashboard with an error, or 403)
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site, Workflow

from contacts.factories import ContactPersonFactory
from documents.factories import DocumentFactory
from editorial.roles import EDITORS, REVIEWERS, WORKFLOW_NAME
from feedback.factories import FeedbackFormPageFactory
from pages.factories import TopicPageFactory

LOGIN, OK, DENIED = "LOGIN", "OK", "DENIED"
L, Y, N = LOGIN, OK, DENIED
ROLES = ("anonymous", "redaktor", "granskare", "administrator")

SNIPPET = "wagtailsnippets_contacts_contactperson"

# fmt: off
# Y: OK, N: DENIED, L: LOGIN (see the module's docstring). The four letters are for
# anonymous, redaktör, granskare and administrator, in that order.
# family,                URL name,                      URL arguments, method, outcomes
ACCESS = [
    ("dashboard",            "wagtailadmin_home",           (),           "get",  L, Y, Y, Y),
    ("page explorer",        "wagtailadmin_explore",        ("home",),    "get",  L, Y, Y, Y),
    ("page add",             "wagtailadmin_pages:add",      ("pages", "topicpage", "home"),
                                                                          "get",  L, Y, Y, Y),
    ("page edit",            "wagtailadmin_pages:edit",     ("topic",),   "get",  L, Y, Y, Y),
    ("page history",         "wagtailadmin_pages:history",  ("topic",),   "get",  L, Y, Y, Y),
    ("page copy",            "wagtailadmin_pages:copy",     ("topic",),   "get",  L, Y, Y, Y),
    ("page unpublish",       "wagtailadmin_pages:unpublish", ("topic",),  "get",  L, N, Y, Y),
    ("page move",            "wagtailadmin_pages:move",     ("topic",),   "get",  L, N, Y, Y),
    ("page delete",          "wagtailadmin_pages:delete",   ("topic",),   "get",  L, N, Y, Y),
    ("section delete",       "wagtailadmin_pages:delete",   ("section",), "get",  L, N, N, Y),
    ("own draft delete",     "wagtailadmin_pages:delete",   ("own_draft",), "get", L, Y, Y, Y),
    ("page lock",            "wagtailadmin_pages:lock",     ("topic",),   "post", L, N, Y, Y),
    ("documents",            "wagtaildocs:index",           (),           "get",  L, Y, Y, Y),
    ("document upload",      "wagtaildocs:add_multiple",    (),           "get",  L, Y, Y, Y),
    ("document edit",        "wagtaildocs:edit",            ("document",), "get", L, N, Y, Y),
    ("document delete",      "wagtaildocs:delete",          ("document",), "get", L, N, Y, Y),
    ("own document delete",  "wagtaildocs:delete",          ("own_document",),
                                                                          "get",  L, Y, Y, Y),
    ("images",               "wagtailimages:index",         (),           "get",  L, Y, Y, Y),
    ("image upload",         "wagtailimages:add_multiple",  (),           "get",  L, Y, Y, Y),
    ("image edit",           "wagtailimages:edit",          ("image",),   "get",  L, N, Y, Y),
    ("image delete",         "wagtailimages:delete",        ("image",),   "get",  L, N, Y, Y),
    ("contact persons",      f"{SNIPPET}:list",             (),           "get",  L, Y, Y, Y),
    ("contact person add",   f"{SNIPPET}:add",              (),           "get",  L, Y, Y, Y),
    ("contact person edit",  f"{SNIPPET}:edit",             ("contact",), "get",  L, Y, Y, Y),
    ("contact person delete", f"{SNIPPET}:delete",          ("contact",), "get",  L, N, Y, Y),
    ("users",                "wagtailusers_users:index",    (),           "get",  L, N, N, Y),
    ("user add",             "wagtailusers_users:add",      (),           "get",  L, N, N, Y),
    ("user edit",            "wagtailusers_users:edit",     ("editor",),  "get",  L, N, N, Y),
    ("groups",               "wagtailusers_groups:index",   (),           "get",  L, N, N, Y),
    ("group edit",           "wagtailusers_groups:edit",    ("editors",), "get",  L, N, N, Y),
    ("site settings",        "wagtailsettings:edit",        ("core", "sitesettings"),
                                                                          "get",  L, N, N, Y),
    ("sites",                "wagtailsites:index",          (),           "get",  L, N, N, Y),
    ("site edit",            "wagtailsites:edit",           ("site",),    "get",  L, N, N, Y),
    ("workflows",            "wagtailadmin_workflows:index", (),          "get",  L, N, N, Y),
    ("workflow edit",        "wagtailadmin_workflows:edit", ("workflow",), "get", L, N, N, Y),
    ("workflow tasks",       "wagtailadmin_workflows:task_index", (),     "get",  L, N, N, Y),
    ("redirects",            "wagtailredirects:index",      (),           "get",  L, N, N, Y),
    ("redirect edit",        "wagtailredirects:edit",       ("redirect",), "get", L, N, N, Y),
    ("search promotions",    "wagtailsearchpromotions:index", (),         "get",  L, N, N, Y),
    ("search promotion edit", "wagtailsearchpromotions:edit", ("query",), "get",  L, N, N, Y),
    ("collections",          "wagtailadmin_collections:index", (),        "get",  L, N, N, Y),
    ("report: locked pages", "wagtailadmin_reports:locked_pages", (),     "get",  L, N, Y, Y),
    ("report: workflows",    "wagtailadmin_reports:workflow", (),         "get",  L, Y, Y, Y),
    ("report: site history", "wagtailadmin_reports:site_history", (),     "get",  L, Y, Y, Y),
    ("report: aging pages",  "wagtailadmin_reports:aging_pages", (),      "get",  L, Y, Y, Y),
    ("form pages",           "wagtailforms:index",          (),           "get",  L, Y, Y, Y),
    ("form submissions",     "wagtailforms:list_submissions", ("form",),  "get",  L, Y, Y, Y),
]
# fmt: on


def make_client(django_user_model, role):
    client = Client()
    if role == "anonymous":
        return client
    if role == "administrator":
        user = django_user_model.objects.create_superuser(role, f"{role}@example.com", "x")
    else:
        user = django_user_model.objects.create_user(role, f"{role}@example.com", "x")
        user.groups.add(Group.objects.get(name=EDITORS if role == "redaktor" else REVIEWERS))
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def clients(db, django_user_model):
    return {role: make_client(django_user_model, role) for role in ROLES}


@pytest.fixture
def objects(home, clients, django_user_model):
    administrator = clients["administrator"].user
    form = FeedbackFormPageFactory(parent=home)
    form.get_submission_class().objects.create(page=form, form_data={"meddelande": "Hej"})
    query = Query.get("konferens")
    SearchPromotion.objects.create(query=query, page=home, sort_order=0)
    section = TopicPageFactory(parent=home)
    TopicPageFactory(parent=section)
    own_draft = TopicPageFactory(parent=home, live=False, owner=clients["redaktor"].user)
    return {
        "home": home.pk,
        "topic": TopicPageFactory(parent=home).pk,
        "section": section.pk,
        "own_draft": own_draft.pk,
        "form": form.pk,
        "document": DocumentFactory(uploaded_by_user=administrator).pk,
        "own_document": DocumentFactory(uploaded_by_user=clients["redaktor"].user).pk,
        "image": get_image_model()
        .objects.create(title="Bild", file=get_test_image_file(), uploaded_by_user=administrator)
        .pk,
        "contact": ContactPersonFactory().pk,
        "editor": clients["redaktor"].user.pk,
        "editors": Group.objects.get(name=EDITORS).pk,
        "site": Site.objects.get(is_default_site=True).pk,
        "workflow": Workflow.objects.get(name=WORKFLOW_NAME).pk,
        "redirect": Redirect.objects.create(old_path="/gammal", redirect_page=home).pk,
        "query": query.pk,
        # Literal arguments (app and model names) stand for themselves.
        "pages": "pages",
        "core": "core",
        "topicpage": "topicpage",
        "sitesettings": "sitesettings",
    }


def outcome(client, method, url):
    response = getattr(client, method)(url)
    if response.status_code == 403:
        return DENIED
    if response.status_code == 200:
        return OK
    assert response.status_code == 302, (url, response.status_code)
    location = response["Location"]
    if location.startswith(reverse("wagtailadmin_login")):
        return LOGIN
    errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    if location == reverse("wagtailadmin_home") and errors:
        return DENIED
    # A redirect within the admin (site settings go to the default site's form).
    assert location.startswith("/admin/"), (url, location)
    return OK if client.get(location).status_code == 200 else DENIED


@pytest.mark.parametrize(
    ("family", "name", "args", "method", *ROLES),
    ACCESS,
    ids=[row[0] for row in ACCESS],
)
def test_each_role_reaches_exactly_what_it_should(
    clients, objects, family, name, args, method, anonymous, redaktor, granskare, administrator
):
    url = reverse(name, args=[objects[arg] for arg in args])
    expected = dict(zip(ROLES, (anonymous, redaktor, granskare, administrator), strict=True))

    actual = {role: outcome(clients[role], method, url) for role in ROLES}

    assert actual == expected, f"{family}: {url}"
