"""The web team's path from an empty draft to a public page, through the admin views, per role."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events.models import ConferencePage

from .admin_actions import (
    add_conference,
    approve,
    conference_form,
    reject,
    upload_pdf_in_chooser,
)

pytestmark = pytest.mark.django_db

SPEAKERS = [
    ("Anna Berg", "Region Norrbotten"),
    ("Erik Lind", "Luleå tekniska universitet"),
]


def submit_conference(client, parent, title="Smart specialisering 2030", slug="ss-2030", **kw):
    """A redaktör uploads a presentation per speaker, then creates and submits the conference."""
    speakers = [
        (name, organisation, upload_pdf_in_chooser(client, f"Presentation {name}"))
        for name, organisation in SPEAKERS
    ]
    response = add_conference(
        client, parent, conference_form(title, slug, speakers, **{"action-submit": "1"}, **kw)
    )
    assert response.status_code == 302, response.content
    return ConferencePage.objects.get(slug=slug)


def public_url(page):
    page.refresh_from_db()
    return page.url or f"/konferenser/{page.slug}/"


def test_submitted_conference_is_public_only_after_a_granskare_approves_it(
    client, conference_index, redaktor_client, granskare_client
):
    conference = submit_conference(redaktor_client, conference_index)

    assert conference.speakers.count() == 2
    assert conference.workflow_in_progress
    assert not conference.live
    assert client.get(public_url(conference)).status_code == 404

    response = approve(granskare_client, conference, comment="Bra!")
    assert response.status_code == 302

    conference.refresh_from_db()
    assert conference.live
    page = client.get(conference.url)
    assert page.status_code == 200
    html = page.content.decode()
    for name, organisation in SPEAKERS:
        assert name in html
        assert organisation in html
    for speaker in conference.speakers.select_related("presentation"):
        assert speaker.presentation.url in html
        assert "PDF" in html
    assert html.index(SPEAKERS[0][0]) < html.index(SPEAKERS[1][0])


def test_uploaded_presentations_are_real_pdfs_with_page_counts(redaktor_client, home):
    document_id = upload_pdf_in_chooser(redaktor_client, "Presentation Anna Berg")

    from wagtail.documents import get_document_model

    document = get_document_model().objects.get(pk=document_id)
    assert document.file_type == "PDF"
    assert document.page_count == 2
    assert document.uploaded_by_user == redaktor_client.user


def test_granskare_is_told_and_redaktor_hears_back_when_rejected(
    client, conference_index, redaktor_client, granskare_client
):
    conference = submit_conference(redaktor_client, conference_index)
    mail.outbox.clear()

    response = reject(granskare_client, conference, comment="Lägg till lokalen.")

    assert response.status_code == 302
    conference.refresh_from_db()
    assert not conference.live
    assert client.get(public_url(conference)).status_code == 404
    to_redaktor = [m for m in mail.outbox if "redaktor@example.com" in m.to]
    assert to_redaktor, [m.to for m in mail.outbox]


def test_reviewers_are_emailed_when_a_page_is_submitted(conference_index, redaktor_client):
    mail.outbox.clear()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    reviewer = get_user_model().objects.create_user(
        "granskare2", "granskare2@example.com", "correct-horse-battery"
    )
    reviewer.groups.add(Group.objects.get(name="Granskare"))

    submit_conference(redaktor_client, conference_index)

    assert any("granskare2@example.com" in m.to for m in mail.outbox)


def test_redaktor_cannot_publish_a_new_page(client, conference_index, redaktor_client):
    response = add_conference(
        redaktor_client,
        conference_index,
        conference_form("Direkt publicerad", "direkt", [], **{"action-publish": "1"}),
    )

    assert response.status_code == 302
    conference = ConferencePage.objects.get(slug="direkt")
    assert not conference.live
    assert client.get(public_url(conference)).status_code == 404


def test_redaktor_sees_no_publish_button_and_cannot_publish_by_posting(
    client, conference_index, redaktor_client
):
    add_conference(redaktor_client, conference_index, conference_form("Utkast", "utkast", []))
    conference = ConferencePage.objects.get(slug="utkast")
    edit_url = reverse("wagtailadmin_pages:edit", args=(conference.pk,))

    editor = redaktor_client.get(edit_url)
    assert editor.status_code == 200
    assert b'name="action-publish"' not in editor.content
    assert b'name="action-submit"' in editor.content

    form = conference_form("Utkast", "utkast", [], **{"action-publish": "1"})
    redaktor_client.post(edit_url, form)
    conference.refresh_from_db()
    assert not conference.live


def test_granskare_sees_the_publish_button(conference_index, granskare_client):
    add_conference(granskare_client, conference_index, conference_form("Utkast", "utkast", []))
    conference = ConferencePage.objects.get(slug="utkast")

    editor = granskare_client.get(reverse("wagtailadmin_pages:edit", args=(conference.pk,)))

    assert b'name="action-publish"' in editor.content


def assert_denied(response):
    """Wagtail answers a forbidden admin page with a redirect to the dashboard, or a 403."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")


def test_redaktor_cannot_delete_a_published_page(client, conference_index, redaktor_client):
    from events.factories import ConferencePageFactory

    conference = ConferencePageFactory(parent=conference_index, live=True)

    url = reverse("wagtailadmin_pages:delete", args=(conference.pk,))
    assert_denied(redaktor_client.get(url))
    assert_denied(redaktor_client.post(url))

    assert ConferencePage.objects.filter(pk=conference.pk, live=True).exists()
    assert client.get(conference.url).status_code == 200


def test_redaktor_may_delete_an_own_unpublished_draft(conference_index, redaktor_client):
    add_conference(redaktor_client, conference_index, conference_form("Fel", "fel", []))
    conference = ConferencePage.objects.get(slug="fel")

    response = redaktor_client.post(reverse("wagtailadmin_pages:delete", args=(conference.pk,)))

    assert response.status_code == 302
    assert not ConferencePage.objects.filter(pk=conference.pk).exists()


@pytest.mark.parametrize(
    "url_name, args",
    [
        ("wagtailusers_users:index", ()),
        ("wagtailusers_users:add", ()),
        ("wagtailusers_groups:index", ()),
        ("wagtailsites:index", ()),
        ("wagtailadmin_workflows:index", ()),
        ("wagtailsettings:edit", ("core", "sitesettings")),
    ],
)
def test_redaktor_cannot_reach_users_or_settings(redaktor_client, home, url_name, args):
    assert_denied(redaktor_client.get(reverse(url_name, args=args)))


@pytest.mark.parametrize("url_name", ["wagtailusers_users:index", "wagtailsites:index"])
def test_granskare_cannot_reach_users_or_sites_either(granskare_client, home, url_name):
    assert_denied(granskare_client.get(reverse(url_name)))


def test_both_roles_reach_the_admin_dashboard(redaktor_client, granskare_client, home):
    assert redaktor_client.get(reverse("wagtailadmin_home")).status_code == 200
    assert granskare_client.get(reverse("wagtailadmin_home")).status_code == 200


def test_approved_page_scheduled_for_tomorrow_goes_live_only_when_the_scheduler_runs_after_it(
    client, conference_index, redaktor_client, granskare_client
):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    conference = submit_conference(
        redaktor_client, conference_index, go_live_at=tomorrow.strftime("%Y-%m-%d %H:%M")
    )
    approve(granskare_client, conference)

    conference.refresh_from_db()
    assert not conference.live
    assert conference.get_latest_revision().approved_go_live_at is not None

    call_command("publish_scheduled")
    conference.refresh_from_db()
    assert not conference.live
    assert client.get(public_url(conference)).status_code == 404

    day_after = timezone.now() + datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=day_after):
        call_command("publish_scheduled")

    conference.refresh_from_db()
    assert conference.live
    assert client.get(conference.url).status_code == 200


def test_unpublishing_removes_a_conference_from_the_site_and_its_listings(
    client, home, conference_index, granskare_client
):
    from events.factories import ConferencePageFactory

    soon = timezone.now() + datetime.timedelta(days=30)
    conference = ConferencePageFactory(
        parent=conference_index,
        title="Försvinnande konferens",
        start=soon,
        end=soon + datetime.timedelta(hours=6),
    )
    url = conference.url
    assert "Försvinnande konferens" in client.get(conference_index.url).content.decode()
    assert "Försvinnande konferens" in client.get(home.url).content.decode()

    response = granskare_client.post(reverse("wagtailadmin_pages:unpublish", args=(conference.pk,)))

    assert response.status_code == 302
    conference.refresh_from_db()
    assert not conference.live
    assert client.get(url).status_code == 404
    assert "Försvinnande konferens" not in client.get(conference_index.url).content.decode()
    assert "Försvinnande konferens" not in client.get(home.url).content.decode()


def test_redaktor_cannot_unpublish(client, conference_index, redaktor_client):
    from events.factories import ConferencePageFactory

    conference = ConferencePageFactory(parent=conference_index)

    assert_denied(
        redaktor_client.post(reverse("wagtailadmin_pages:unpublish", args=(conference.pk,)))
    )
    conference.refresh_from_db()
    assert conference.live
