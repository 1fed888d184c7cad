"""Many hands at once: two editors on one page, and a burst of visitors' feedback.

Editors: Wagtail tells each editor who else has the page open and when someone saved a
newer version; a locked page cannot be saved by anyone but the locker; and when two
editors do save over each other, both versions stay in the page's history.

Feedback: many visitors sending the form at the same moment, each from their own
address, are each stored exactly once (PostgreSQL, real threads and connections).
"""

import re
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.roles import EDITORS, REVIEWERS
from feedback.factories import FeedbackFormPageFactory
from pages.factories import TopicPageFactory
from pages.models import TopicPage
from tests.form_tokens import form_token


def client_for(django_user_model, username, group, first_name):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.com", "x", first_name=first_name, last_name="Redaktör"
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def anna(django_user_model):
    return client_for(django_user_model, "anna", EDITORS, "Anna")


@pytest.fixture
def bertil(django_user_model):
    return client_for(django_user_model, "bertil", EDITORS, "Bertil")


@pytest.fixture
def greta(django_user_model):
    return client_for(django_user_model, "greta", REVIEWERS, "Greta")


@pytest.fixture
def page(home):
    topic = TopicPageFactory(parent=home, title="Regional kapacitet", slug="regional-kapacitet")
    topic.save_revision().publish()
    return topic


def open_editor(client, page):
    """The edit form as the editor's browser got it: which version they started from."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()

    def hidden(name):
        match = re.search(rf'name="{name}" value="([^"]*)"', html)
        return match.group(1) if match else ""

    return {
        "loaded_revision_id": hidden("loaded_revision_id"),
        "loaded_revision_created_at": hidden("loaded_revision_created_at"),
        "html": html,
    }


def save_draft(client, page, loaded, introduction, **headers):
    form = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": introduction,
            "body": streamfield([]),
            "contact": "",
            "related_pages": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "loaded_revision_id": loaded["loaded_revision_id"],
            "loaded_revision_created_at": loaded["loaded_revision_created_at"],
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form, **headers)


def ping(client, page, session_id, loaded=None, is_editing=True):
    url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=("pages", "topicpage", page.pk, session_id),
    )
    data = {"is_editing": "1" if is_editing else ""}
    if loaded:
        data["revision_id"] = loaded["loaded_revision_id"]
        data["revision_created_at"] = loaded["loaded_revision_created_at"]
    response = client.post(url, data)
    assert response.status_code == 200
    return response.json()


def introductions(page):
    return [
        revision.as_object().introduction
        for revision in page.revisions.order_by("created_at", "pk")
    ]


# Two editors -------------------------------------------------------------------------


def test_an_editor_sees_that_someone_else_is_editing_the_same_page(page, anna, bertil):
    open_editor(anna, page)
    open_editor(bertil, page)
    ping(anna, page, session_id=0)

    seen_by_bertil = ping(bertil, page, session_id=0)

    [other] = seen_by_bertil["other_sessions"]
    assert other["user"] == "Anna Redaktör"
    assert other["is_editing"] is True


def test_an_editor_is_warned_when_someone_else_saved_a_newer_version(page, anna, bertil):
    loaded_by_anna = open_editor(anna, page)
    loaded_by_bertil = open_editor(bertil, page)
    assert save_draft(anna, page, loaded_by_anna, "Annas nya ingress.").status_code == 302

    seen_by_bertil = ping(bertil, page, session_id=0, loaded=loaded_by_bertil)

    [other] = seen_by_bertil["other_sessions"]
    assert other["user"] == "Anna Redaktör"
    assert other["revision_id"] == page.revisions.latest("created_at").pk


def test_autosave_never_overwrites_a_newer_version(page, anna, bertil):
    loaded_by_bertil = open_editor(bertil, page)
    save_draft(anna, page, open_editor(anna, page), "Annas nya ingress.")

    response = save_draft(
        bertil, page, loaded_by_bertil, "Bertils ingress.", HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert introductions(page)[-1] == "Annas nya ingress."


def test_when_two_editors_save_over_each_other_both_versions_are_kept(page, anna, bertil):
    loaded_by_anna = open_editor(anna, page)
    loaded_by_bertil = open_editor(bertil, page)

    assert save_draft(anna, page, loaded_by_anna, "Annas ingress.").status_code == 302
    assert save_draft(bertil, page, loaded_by_bertil, "Bertils ingress.").status_code == 302

    history = introductions(page)
    assert history[-2:] == ["Annas ingress.", "Bertils ingress."]
    authors = [revision.user for revision in page.revisions.order_by("created_at", "pk")]
    assert authors[-2:] == [anna.user, bertil.user]
    # The live page is untouched until someone publishes.
    assert TopicPage.objects.get(pk=page.pk).introduction == page.introduction


def test_a_locked_page_cannot_be_saved_by_another_editor(page, greta, anna):
    response = greta.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    assert response.status_code == 302
    revisions_before = page.revisions.count()

    editor = open_editor(anna, page)
    response = save_draft(anna, page, editor, "Annas ingress.")

    assert response.status_code == 200
    assert "låst" in response.content.decode().lower()
    assert page.revisions.count() == revisions_before
    assert "Annas ingress." not in introductions(page)


def test_the_editor_who_locked_the_page_can_still_save_it(page, greta):
    greta.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))

    response = save_draft(greta, page, open_editor(greta, page), "Gretas ingress.")

    assert response.status_code == 302
    assert introductions(page)[-1] == "Gretas ingress."


def test_a_redaktor_cannot_unlock_someone_elses_lock(page, greta, anna):
    greta.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))

    anna.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))

    page.refresh_from_db()
    assert page.locked
    assert page.locked_by == greta.user


# A burst of feedback -----------------------------------------------------------------

BURST = 24


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent submissions need PostgreSQL (SQLite serialises writers)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_burst_of_feedback_from_many_visitors_is_stored_exactly_once_each(home, settings):
    settings.FEEDBACK_RATE_LIMIT = (5, 3600)
    form_page = FeedbackFormPageFactory(parent=home)
    start = threading.Barrier(BURST)
    statuses = {}
    # Each visitor opens the form: its own token (a token is taken once, core/form_protection).
    tokens = [form_token(form_page.url) for _ in range(BURST)]
    assert len(set(tokens)) == BURST

    def visitor(number):
        try:
            client = Client()
            start.wait()
            response = client.post(
                form_page.url,
                {
                    "namn": f"Besökare {number}",
                    "e_post": "",
                    "synpunkter": f"Meddelande {number}",
                    "form_token": tokens[number],
                },
                REMOTE_ADDR=f"198.51.100.{number + 1}",
            )
            statuses[number] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor, args=(number,)) for number in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == dict.fromkeys(range(BURST), 200)
    messages = sorted(
        submission.get_data()["synpunkter"]
        for submission in FormSubmission.objects.filter(page=form_page)
    )
    assert messages == sorted(f"Meddelande {number}" for number in range(BURST))
