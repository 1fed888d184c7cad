"""No save path can undo a publish (issue 9: "Godkänn och publicera" from the edit page).

The browser's autosave posted the edit form again while, or just after, the granskare's
approval was sent. These tests post that late autosave explicitly, in each order the
server can meet it: after the approval, carrying the approval's own inputs, and read just
before the approval committed.
"""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import ConferencePage

from .admin_actions import add_conference, conference_form
from .test_review_journeys import submit_conference

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def open_editor(client, page):
    """The hidden inputs the edit form carried when this session loaded it."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    names = ("loaded_revision_id", "loaded_revision_created_at", "loaded_publication_state")
    loaded = {}
    for name in names:
        match = re.search(rf'name="{name}" value="([^"]*)"', html)
        assert match, name
        loaded[name] = match.group(1)
    return loaded


def edit_form(page, loaded, **extra):
    """The conference edit form as the browser posts it, unchanged unless ``extra``."""
    page = ConferencePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    speakers = [
        {
            "id": speaker.pk,
            "name": speaker.name,
            "organisation": speaker.organisation,
            "role": speaker.role,
            "photo": "",
            "presentation": str(speaker.presentation_id or ""),
        }
        for speaker in page.speakers.all()
    ]
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "body": streamfield([]),
        "summary_documents": inline_formset([]),
        "contact": "",
        "related_pages": inline_formset([]),
        "start": f"{page.start.astimezone():%Y-%m-%d %H:%M}",
        "end": f"{page.end.astimezone():%Y-%m-%d %H:%M}",
        "venue": page.venue,
        "city": page.city,
        "status": page.status,
        "attendance_mode": page.attendance_mode,
        "speakers": inline_formset(speakers, initial=len(speakers)),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **loaded,
    }
    data.update(extra)
    return nested_form_data(data)


def post_edit(client, page, form, **headers):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form, **headers)


def approve_from_edit_page(client, page, loaded, comment=None):
    """ "Godkänn och publicera" in the edit page's action menu (optionally with a comment)."""
    extra = {"action-workflow-action": "true", "workflow-action-name": "approve"}
    if comment is not None:
        extra["workflow-action-extra-data"] = f'{{"comment": "{comment}"}}'
    response = post_edit(client, page, edit_form(page, loaded, **extra))
    assert response.status_code == 302, response.content
    return response


def assert_published_and_unchanged(page, client):
    page = ConferencePage.objects.get(pk=page.pk)
    assert page.live
    assert not page.has_unpublished_changes
    assert page.latest_revision_id == page.live_revision_id
    assert page.introduction == "En nationell konferens om regional utveckling."
    assert Client().get(page.url).status_code == 200


@pytest.fixture
def submitted(conference_index, redaktor_client):
    return submit_conference(redaktor_client, conference_index)


@pytest.mark.parametrize("comment", [None, "Bra!"])
def test_autosave_arriving_after_the_approval_is_refused_and_the_page_stays_published(
    submitted, granskare_client, comment
):
    loaded = open_editor(granskare_client, submitted)
    approve_from_edit_page(granskare_client, submitted, loaded, comment=comment)
    revisions = submitted.revisions.count()

    # The autosave the browser sent a second later, from the same editing session.
    late = edit_form(submitted, loaded, introduction="Ändrad efter godkännandet.")
    response = post_edit(granskare_client, submitted, late, **JSON)

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert "publicerats" in response.json()["error_message"]
    assert submitted.revisions.count() == revisions
    assert_published_and_unchanged(submitted, granskare_client)


def test_autosave_carrying_the_approval_inputs_performs_no_action(submitted, granskare_client):
    loaded = open_editor(granskare_client, submitted)
    form = edit_form(
        submitted,
        loaded,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )

    response = post_edit(granskare_client, submitted, form, **JSON)

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress
    assert not submitted.live


@pytest.mark.parametrize("accept", [JSON, {}], ids=["autosave", "spara-utkast"])
def test_a_save_read_just_before_the_approval_committed_cannot_unpublish_the_page(
    submitted, granskare_client, django_user_model, accept
):
    """The autosave read the page (not live) while the approval was being committed, and
    wrote it back afterwards: Wagtail wrote ``live=False`` over the fresh publish."""
    reviewer = granskare_client.user
    loaded = open_editor(granskare_client, submitted)

    def approval_commits_meanwhile(request, page):
        if request.method == "POST":
            fresh = Page.objects.get(pk=page.pk).specific
            fresh.current_workflow_task.on_action(
                fresh.current_workflow_task_state, reviewer, "approve"
            )

    late = edit_form(submitted, loaded, introduction="Ändrad medan godkännandet sparades.")
    with hooks.register_temporarily("before_edit_page", approval_commits_meanwhile, order=100):
        response = post_edit(granskare_client, submitted, late, **accept)

    page = ConferencePage.objects.get(pk=submitted.pk)
    assert page.live
    assert page.introduction == "En nationell konferens om regional utveckling."
    assert Client().get(page.url).status_code == 200
    if accept:
        assert response.status_code == 400
        assert response.json()["error_code"] == "invalid_revision"
        assert page.latest_revision_id == page.live_revision_id
    else:
        # An explicit save is kept as a draft on top of the published page.
        assert response.status_code == 302
        assert page.has_unpublished_changes
        draft = page.get_latest_revision_as_object()
        assert draft.introduction == "Ändrad medan godkännandet sparades."


def test_a_copy_read_before_a_publish_never_writes_over_it(conference_index, submitted):
    stale = ConferencePage.objects.get(pk=submitted.pk)
    assert not stale.live
    ConferencePage.objects.get(pk=submitted.pk).get_latest_revision().publish()

    stale.introduction = "Gammal kopia."
    stale.save()

    page = ConferencePage.objects.get(pk=submitted.pk)
    assert page.live
    assert page.introduction == "En nationell konferens om regional utveckling."


def test_publish_and_unpublish_still_change_the_state(submitted):
    page = ConferencePage.objects.get(pk=submitted.pk)
    page.get_latest_revision().publish()
    page = ConferencePage.objects.get(pk=submitted.pk)
    assert page.live

    page.unpublish()

    assert not ConferencePage.objects.get(pk=submitted.pk).live


def test_the_live_revision_is_never_overwritten(submitted, granskare_client):
    page = ConferencePage.objects.get(pk=submitted.pk)
    live = page.get_latest_revision()
    live.publish()
    page = ConferencePage.objects.get(pk=submitted.pk)
    page.introduction = "Skriver över den publicerade versionen."

    with pytest.raises(PermissionDenied):
        page.save_revision(user=live.user, overwrite_revision=live)

    live.refresh_from_db()
    assert live.as_object().introduction == "En nationell konferens om regional utveckling."


def test_autosave_of_an_up_to_date_session_still_works(conference_index, redaktor_client):
    """The guard refuses nothing that is up to date: the redaktör keeps autosaving."""
    add_conference(redaktor_client, conference_index, conference_form("Utkast", "utkast", []))
    draft = ConferencePage.objects.get(slug="utkast")
    loaded = open_editor(redaktor_client, draft)

    for introduction in ("En ny ingress.", "En ännu nyare ingress."):
        form = edit_form(draft, loaded, introduction=introduction)
        response = post_edit(redaktor_client, draft, form, **JSON)
        assert response.status_code == 200, response.content
        loaded["overwrite_revision_id"] = str(response.json()["revision_id"])

    draft = ConferencePage.objects.get(pk=draft.pk)
    assert draft.get_latest_revision_as_object().introduction == "En ännu nyare ingress."
