"""Who may answer "Hittade du det du sökte?" on a page with a view restriction, and what
everyone else is told (page_feedback/views.py ``answer``).

The question is shown to whoever may read the page, so whoever may read it may answer:
a visitor who gave the password (on the page or on a section above it), a logged-in
visitor on a login-only page, a member of the group on a group page. Whoever may not
read it now is told exactly that (403), and only a deleted page is "gone".
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from page_feedback.forms import page_token
from page_feedback.models import PageFeedback
from pages.factories import TopicPageFactory

ANSWER = "/sidrespons/svar/"
GONE = "Sidan finns inte längre"
CLOSED = "Sidan är skyddad och du har inte tillgång till den just nu"


def asked_token(client, page):
    """The token of the question on the page as this client sees it (None: not asked)."""
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.text
    found = re.search(r'name="token" value="([^"]+)" id="page-feedback-token"', response.text)
    return found.group(1) if found else None


def restrict(page, kind, group=None):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="hemligt" if kind == "password" else ""
    )
    if group is not None:
        restriction.groups.add(group)
    return restriction


def unlock(client, restriction, page):
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, restriction.page_id]
    )
    client.post(url, {"password": "hemligt", "return_url": page.url})


@pytest.mark.parametrize("found", ["ja", "nej"])
def test_a_page_below_an_unlocked_section_takes_the_answer(client, home, found):
    section = TopicPageFactory(parent=home, title="Internt")
    page = TopicPageFactory(parent=section, title="Intern handbok")
    unlock(client, restrict(section, "password"), page)

    response = client.post(ANSWER, {"token": asked_token(client, page), "found": found})

    assert response.status_code == 200
    assert "Tack för ditt svar" in response.text
    assert PageFeedback.objects.get().page_id == page.pk
    assert PageFeedback.objects.get().found is (found == "ja")


def test_a_logged_in_visitor_answers_on_a_login_page(client, home, django_user_model):
    page = TopicPageFactory(parent=home, title="För inloggade")
    restrict(page, "login")
    client.force_login(django_user_model.objects.create_user("läsare", password="l-a-s-1234"))

    response = client.post(ANSWER, {"token": asked_token(client, page), "found": "ja"})

    assert response.status_code == 200
    assert PageFeedback.objects.get().page_id == page.pk


def test_a_group_member_answers_on_a_group_page(client, home, django_user_model):
    group = Group.objects.create(name="Intern personal")
    page = TopicPageFactory(parent=home, title="För personalen")
    restrict(page, "groups", group)
    member = django_user_model.objects.create_user("medlem", password="m-e-d-1234")
    member.groups.add(group)
    client.force_login(member)

    response = client.post(ANSWER, {"token": asked_token(client, page), "found": "nej"})

    assert response.status_code == 200
    assert PageFeedback.objects.get().page_id == page.pk


@pytest.mark.parametrize("who", ["anonymous", "logged_in_outsider", "password_forgotten"])
def test_one_who_may_not_read_the_page_is_told_so_not_that_it_is_gone(
    client, home, django_user_model, who
):
    page = TopicPageFactory(parent=home, title="Hemlig handbok")
    group = Group.objects.create(name="Intern personal")
    if who == "logged_in_outsider":
        restrict(page, "groups", group)
        client.force_login(django_user_model.objects.create_user("utomstående", password="u-1234x"))
    elif who == "password_forgotten":
        restriction = restrict(page, "password")
        unlock(client, restriction, page)
        token = asked_token(client, page)
        client.cookies.clear()  # the session with the password has ended
    else:
        restrict(page, "login")

    response = client.post(ANSWER, {"token": page_token(page.pk), "found": "ja"})

    assert response.status_code == 403
    assert CLOSED in response.text and GONE not in response.text
    assert "Hemlig handbok" not in response.text  # nothing of the page to one who may not read it
    assert not PageFeedback.objects.exists()
    if who == "password_forgotten":
        assert token == page_token(page.pk)


def test_an_unpublished_page_is_said_to_be_unpublished_and_a_deleted_one_gone(client, home):
    unpublished = TopicPageFactory(parent=home, title="Avpublicerad")
    deleted = TopicPageFactory(parent=home, title="Raderad")
    tokens = {page.pk: page_token(page.pk) for page in (unpublished, deleted)}
    unpublished.unpublish()
    deleted_pk = deleted.pk
    deleted.delete()

    said_unpublished = client.post(ANSWER, {"token": tokens[unpublished.pk], "found": "ja"})
    said_gone = client.post(ANSWER, {"token": tokens[deleted_pk], "found": "ja"})

    assert said_unpublished.status_code == said_gone.status_code == 400
    assert "Sidan är inte publicerad längre." in said_unpublished.text
    assert GONE not in said_unpublished.text
    assert GONE in said_gone.text
    assert not PageFeedback.objects.exists()


def test_an_editors_preview_does_not_ask(home, admin_client):
    page = TopicPageFactory(parent=home, title="Utkastet")

    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    published = admin_client.get(page.url)

    assert preview.status_code == 200 and "Utkastet" in preview.text
    assert "Hittade du det du sökte?" not in preview.text
    assert "Hittade du det du sökte?" in published.text
