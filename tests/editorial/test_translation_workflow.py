"""A translation goes through Granskning like any page (issue 15): a redaktör submits the
English draft, it stays unpublished until a granskare approves it, then it is live under /en/."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from events.factories import ConferencePageFactory
from events.models import ConferenceIndexPage
from tests.i18n.conftest import translate

from .admin_actions import approve, conference_form

pytestmark = pytest.mark.django_db


def test_english_translation_is_live_only_after_a_granskare_approves_it(
    client, home, redaktor_client, granskare_client
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    index = home.add_child(
        instance=ConferenceIndexPage(title="Konferenser", slug="konferenser", introduction="")
    )
    index.save_revision().publish()
    conference = ConferencePageFactory(parent=index, title="Smart specialisering 2030", slug="ss")
    translate(home, english, title="Home")
    translate(index, english, title="Conferences", slug="conferences")
    draft = conference.copy_for_translation(english)  # as "Translate" in the admin: a draft

    response = redaktor_client.post(
        reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
        conference_form("Smart specialisation 2030", "ss-2030", [], **{"action-submit": "1"}),
    )

    assert response.status_code == 302, response.content
    draft.refresh_from_db()
    assert draft.workflow_in_progress
    assert not draft.live
    assert client.get("/en/conferences/ss-2030/").status_code == 404

    assert approve(granskare_client, draft).status_code == 302

    draft.refresh_from_db()
    assert draft.live
    assert draft.url == "/en/conferences/ss-2030/"
    page = client.get(draft.url)
    assert page.status_code == 200
    assert "Smart specialisation 2030" in page.content.decode()
