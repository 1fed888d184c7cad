"""Making a page private (Wagtail's page privacy) takes it, and every page below it, away
from visitors; making it public again gives it back. Both are changes of the public
record: the archive keeps what visitors got at each address from then on, who and when,
so an archivist asking what an address showed on a day in between is not shown the page
as if it had been public."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import PageViewRestriction

from archive.models import Snapshot
from editorial.roles import REVIEWERS
from events.factories import ConferencePageFactory

from .conftest import publish

RESTRICT, UNRESTRICT = Snapshot.Action.RESTRICT, Snapshot.Action.UNRESTRICT

# What an anonymous visitor gets for each kind, and how the record names the kind.
KINDS = {
    "password": ({"password": "hemligt-ord-1"}, 200, "lösenord krävs"),
    "login": ({}, 302, "inloggning krävs"),
    "groups": ({"groups": "reviewers"}, 302, "endast för vissa användargrupper"),
}


def set_privacy(client, page, kind, **fields):
    """Choose ``kind`` ("none" makes the page public) in the admin's privacy dialog."""
    data = {"restriction_type": kind, **fields}
    if data.get("groups") == "reviewers":
        data["groups"] = [Group.objects.get(name=REVIEWERS).pk]
    response = client.post(reverse("wagtailadmin_pages:set_privacy", args=(page.pk,)), data)
    assert response.status_code == 200
    assert '"step": "set_privacy_done"' in response.content.decode()
    return response


def records(page, action=None):
    snapshots = Snapshot.objects.filter(page_key=page.pk)
    return list(snapshots.filter(action=action) if action else snapshots)


@pytest.fixture
def section(conference, publisher):
    """The conference index (published) with the conference (published) and a draft below."""
    index = conference.get_parent().specific
    publish(index, publisher)
    publish(conference, publisher)
    draft = ConferencePageFactory(parent=index, title="Utkast", live=False)
    return index, conference, draft


@pytest.mark.parametrize("kind", KINDS)
def test_making_a_published_page_private_archives_what_visitors_get_then(
    conference, publisher, admin_client, admin_user, kind
):
    publish(conference, publisher)
    fields, status, kind_text = KINDS[kind]

    set_privacy(admin_client, conference, kind, **fields)

    restricted = records(conference)[0]
    assert restricted.action == RESTRICT
    assert restricted.status_code == status
    assert restricted.user == admin_user
    assert restricted.change_note == f"Skyddad: {kind_text}"
    assert restricted.url == records(conference, Snapshot.Action.PUBLISH)[0].url
    assert abs(restricted.captured_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert b"Smart specialisering 2018" not in restricted.body.read().split(b"<main")[-1]


def test_the_password_form_is_what_is_archived_not_the_page(conference, publisher, admin_client):
    publish(conference, publisher, search_description="Konferensens sammanfattning")

    set_privacy(admin_client, conference, "password", password="hemligt-ord-1")

    body = records(conference, RESTRICT)[0].body.read().decode()
    assert 'type="password"' in body
    assert "hemligt-ord-1" not in body
    assert "Isabel Poli" not in body


def test_a_restriction_on_a_section_is_recorded_for_its_live_pages_not_its_drafts(
    section, admin_client, admin_user
):
    index, conference, draft = section

    set_privacy(admin_client, index, "login")

    assert [s.change_note for s in records(index, RESTRICT)] == ["Skyddad: inloggning krävs"]
    below = records(conference, RESTRICT)
    assert len(below) == 1
    assert (below[0].status_code, below[0].user) == (302, admin_user)
    assert below[0].change_note == f"Skyddad genom ”{index.title}” ovanför: inloggning krävs"
    assert records(draft) == []


def test_making_a_page_public_again_archives_the_page_for_it_and_the_pages_below(
    section, admin_client, admin_user
):
    index, conference, _draft = section
    set_privacy(admin_client, index, "password", password="hemligt-ord-1")

    set_privacy(admin_client, index, "none")

    for page in (index, conference):
        reopened = records(page)[0]
        assert (reopened.action, reopened.status_code, reopened.user) == (
            UNRESTRICT,
            200,
            admin_user,
        )
    assert "Isabel Poli" in records(conference)[0].body.read().decode()
    assert records(index)[0].change_note == "Skyddet togs bort (lösenord krävs)"


def test_a_page_still_covered_by_another_restriction_gets_no_record(section, admin_client):
    index, conference, _draft = section
    set_privacy(admin_client, conference, "password", password="hemligt-ord-1")
    set_privacy(admin_client, index, "login")
    assert len(records(conference, RESTRICT)) == 1  # private already: no second record

    set_privacy(admin_client, index, "none")

    assert records(index)[0].action == UNRESTRICT
    assert records(conference)[0].action == RESTRICT  # its own password still keeps it


@pytest.mark.parametrize("kind", KINDS)
def test_a_restriction_on_a_draft_records_nothing(home, admin_client, kind):
    draft = ConferencePageFactory(parent=home, live=False)

    set_privacy(admin_client, draft, kind, **KINDS[kind][0])
    set_privacy(admin_client, draft, "none")

    assert records(draft) == []


def test_live_pages_below_a_draft_are_recorded_and_the_draft_is_not(
    section, admin_client, admin_user
):
    index, conference, _draft = section
    index.unpublish(user=admin_user)  # its pages below stay live
    before = len(records(index))

    set_privacy(admin_client, index, "login")

    assert len(records(index)) == before
    assert records(conference)[0].action == RESTRICT


def test_a_new_password_is_not_a_record_a_new_kind_is(conference, publisher, admin_client):
    publish(conference, publisher)
    set_privacy(admin_client, conference, "password", password="hemligt-ord-1")

    set_privacy(admin_client, conference, "password", password="ett-annat-ord-2")

    assert len(records(conference, RESTRICT)) == 1

    set_privacy(admin_client, conference, "login")

    latest = records(conference)[0]
    assert (latest.action, latest.status_code) == (RESTRICT, 302)
    assert latest.change_note == "Skyddad: inloggning krävs"


def test_other_groups_under_the_same_kind_are_not_a_record(conference, publisher, admin_client):
    publish(conference, publisher)
    set_privacy(admin_client, conference, "groups", groups="reviewers")
    other = Group.objects.create(name="Arkivgruppen")

    set_privacy(admin_client, conference, "groups", groups=[other.pk])

    assert len(records(conference, RESTRICT)) == 1


def test_deleting_a_private_page_is_a_deletion_not_a_reopening(
    conference, publisher, admin_client, django_capture_on_commit_callbacks
):
    publish(conference, publisher)
    set_privacy(admin_client, conference, "login")

    with django_capture_on_commit_callbacks(execute=True):
        DeletePageAction(conference, user=publisher).execute(skip_permission_checks=True)

    assert [s.action for s in records(conference)] == ["delete", RESTRICT, "publish"]


def test_a_restriction_removed_in_code_is_recorded_with_who_removed_it(
    conference, publisher, admin_user
):
    publish(conference, publisher)
    restriction = PageViewRestriction(page=conference, restriction_type="login")
    restriction.save(user=publisher)

    restriction.delete(user=admin_user)

    reopened = records(conference)[0]
    assert (reopened.action, reopened.status_code, reopened.user) == (UNRESTRICT, 200, admin_user)


@pytest.fixture
def restricted_period(conference, publisher, admin_client):
    """Published 10 January 2018, made private 1 February, public again 1 March."""
    publish(conference, publisher)
    set_privacy(admin_client, conference, "password", password="hemligt-ord-1")
    set_privacy(admin_client, conference, "none")
    published, restricted, reopened = Snapshot.objects.order_by("pk")
    for snapshot, month in ((published, 1), (restricted, 2), (reopened, 3)):
        moment = timezone.make_aware(datetime.datetime(2018, month, 1 if month > 1 else 10, 12))
        Snapshot.objects.filter(pk=snapshot.pk).update(captured_at=moment)
    return published, restricted, reopened


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2018-01-31", 0), ("2018-02-01", 1), ("2018-02-15", 1), ("2018-03-01", 2), ("2019-01-01", 2)],
)
def test_the_version_in_force_on_a_day_says_whether_the_page_was_private(
    archivist_client, restricted_period, day, expected
):
    snapshot = restricted_period[expected]

    response = archivist_client.get(
        reverse("archive_page_versions", args=(snapshot.page_key,)), {"datum": day}
    )

    assert response["Location"] == reverse("archive:review", args=(snapshot.pk,))


def test_the_private_period_is_listed_and_its_copy_says_the_page_was_not_public(
    archivist_client, restricted_period
):
    _published, restricted, reopened = restricted_period

    listing = archivist_client.get(reverse("archive_page_versions", args=(restricted.page_key,)))
    copy = archivist_client.get(reverse("archive:review", args=(restricted.pk,))).content.decode()
    again = archivist_client.get(reverse("archive:review", args=(reopened.pk,))).content.decode()

    assert "Skyddad" in listing.content.decode()
    assert "Öppnad igen" in listing.content.decode()
    assert "Sidan skyddades vid den tidpunkten och var inte längre offentlig" in copy
    assert "Skyddet togs bort vid den tidpunkten: sidan var offentlig igen." in again
    assert "Isabel Poli" in again


def test_the_public_view_leaves_out_the_password_form(client, settings, restricted_period):
    settings.ARCHIVE_PUBLIC_VIEW = True
    published, restricted, reopened = restricted_period

    listing = client.get(reverse("archive:public_versions", args=(published.page_key,)))
    form = client.get(reverse("archive:public", args=(restricted.pk,)))

    assert restricted.status_code == 200
    assert form.status_code == 404
    links = listing.content.decode()
    assert reverse("archive:public", args=(reopened.pk,)) in links
    assert reverse("archive:public", args=(restricted.pk,)) not in links
