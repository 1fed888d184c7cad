import re

import pytest
from django.core import signing
from django.urls import reverse

from page_feedback.forms import answer_token, page_token
from page_feedback.models import PageFeedback
from pages.factories import TopicPageFactory

ANSWER = "/sidrespons/svar/"
COMMENT = "/sidrespons/kommentar/"


@pytest.fixture
def topic(home):
    return TopicPageFactory(parent=home, title="Exportstöd")


def answer(client, page, found="nej", **extra):
    data = {"token": page_token(page.pk), "found": found, "website": "", **extra}
    return client.post(ANSWER, data)


def test_question_is_at_the_foot_of_content_pages_and_cacheable(client, topic):
    response = client.get(topic.url)
    later = signing.Signer(salt="page_feedback.page").sign_object(topic.pk)

    html = response.content.decode()
    assert "Hittade du det du sökte?" in html
    assert f'action="{ANSWER}"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert response["Cache-Control"].startswith("public")
    assert client.get(topic.url).content == response.content  # the same for every visitor
    assert later in html  # and at any time: the token carries no timestamp


def test_home_page_has_no_question(client, home):
    assert "Hittade du det du sökte?" not in client.get(home.url).content.decode()


def test_answer_is_stored_and_the_comment_form_warns_about_personal_data(client, topic):
    response = answer(client, topic, "nej")

    assert response.status_code == 200
    assert not response.cookies
    assert PageFeedback.objects.get().found is False
    html = response.content.decode()
    assert "Skriv inte personuppgifter" in html
    assert f'action="{COMMENT}"' in html


def test_comment_is_added_to_the_answer(client, topic):
    answer(client, topic, "ja")
    feedback = PageFeedback.objects.get()

    response = client.post(
        COMMENT, {"token": answer_token(feedback.pk), "comment": "Saknar blanketten."}
    )

    assert response.status_code == 200
    feedback.refresh_from_db()
    assert (feedback.found, feedback.comment) == (True, "Saknar blanketten.")
    assert not response.cookies


def test_a_second_comment_is_added_after_the_first_never_overwriting_it(client, topic):
    feedback = PageFeedback.objects.create(page=topic, found=False, comment="Först")

    response = client.post(COMMENT, {"token": answer_token(feedback.pk), "comment": "Sedan"})

    assert response.status_code == 200
    assert "Din kommentar hjälper oss" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.comment == "Först\n\nSedan"


def test_the_same_comment_sent_twice_is_stored_once(client, topic):
    answer(client, topic)
    feedback = PageFeedback.objects.get()
    data = {"token": answer_token(feedback.pk), "comment": "Saknar blanketten."}

    statuses = [client.post(COMMENT, data).status_code for _ in range(2)]

    assert statuses == [200, 200]
    feedback.refresh_from_db()
    assert feedback.comment == "Saknar blanketten."


def test_a_second_comment_that_does_not_fit_is_refused_clearly_with_the_text_kept(client, topic):
    feedback = PageFeedback.objects.create(page=topic, found=False, comment="x" * 400)

    response = client.post(
        COMMENT, {"token": answer_token(feedback.pk), "comment": "Ny kommentar " * 10}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Du har redan skickat en kommentar" in html
    assert "högst 98 tecken" in html
    assert "Ny kommentar Ny kommentar" in html  # in the textarea, to shorten and send again
    feedback.refresh_from_db()
    assert feedback.comment == "x" * 400


@pytest.mark.parametrize(
    "data",
    [
        {"token": "förfalskad", "found": "nej"},
        {"found": "nej"},
        {"token": None, "found": "kanske"},
    ],
)
def test_forged_or_broken_answers_are_refused_with_a_clear_message(client, topic, data):
    if data.get("token", "") is None:
        data["token"] = page_token(topic.pk)

    response = client.post(ANSWER, data)

    assert response.status_code == 400
    assert "Svaret kunde inte sparas" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_answers_posted_from_another_site_are_refused(client, topic):
    response = client.post(
        ANSWER,
        {"token": page_token(topic.pk), "found": "nej"},
        HTTP_ORIGIN="https://evil.example",
        HTTP_SEC_FETCH_SITE="cross-site",
    )

    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_honeypot_answers_are_thanked_but_not_stored(client, topic):
    response = answer(client, topic, website="http://spam.example")

    assert response.status_code == 200
    assert not PageFeedback.objects.exists()


def test_answers_are_rate_limited_per_client(client, home, settings):
    settings.PAGE_FEEDBACK_RATE_LIMIT = (3, 3600)
    pages = [TopicPageFactory(parent=home) for _ in range(4)]

    statuses = [answer(client, page).status_code for page in pages]

    assert statuses == [200, 200, 200, 429]
    assert PageFeedback.objects.count() == 3


def test_get_is_not_an_answer(client, topic):
    assert client.get(ANSWER).status_code == 405


def test_unpublished_page_cannot_get_answers(client, topic):
    topic.unpublish()

    assert answer(client, topic).status_code == 400


def test_editor_sees_counts_per_month_and_comments(topic, redaktor_client):
    PageFeedback.objects.create(page=topic, found=True)
    PageFeedback.objects.create(page=topic, found=False, comment="Hittar inte ansökan")
    PageFeedback.objects.create(page=topic, found=False)

    response = redaktor_client.get(reverse("page_feedback_admin:page", args=[topic.pk]))

    html = response.content.decode()
    assert "1 ja, 2 nej" in html
    assert "Hittar inte ansökan" in html
    edit = redaktor_client.get(reverse("wagtailadmin_pages:edit", args=[topic.pk]))
    assert reverse("page_feedback_admin:page", args=[topic.pk]) in edit.content.decode()


def test_report_lists_pages_with_most_no_first(home, topic, redaktor_client):
    other = TopicPageFactory(parent=home, title="Lokaler")
    PageFeedback.objects.bulk_create(
        [PageFeedback(page=topic, found=False)] + [PageFeedback(page=other, found=False)] * 3
    )

    html = redaktor_client.get(reverse("page_feedback_admin:report")).content.decode()

    assert re.search(r"Lokaler.*Exportstöd", html, re.S)


def test_the_editors_view_is_headed_with_the_pages_title_under_its_breadcrumbs(
    home, topic, redaktor_client
):
    response = redaktor_client.get(reverse("page_feedback_admin:page", args=[topic.pk]))

    html = response.content.decode()
    assert re.search(r"<h1[^>]*>\s*(<[^>]+>\s*)*Synpunkter på Exportstöd", html)
    assert "<title>Synpunkter på Exportstöd" in html
    breadcrumbs = re.search(r"<nav[^>]*aria-label=\"[^\"]*\">.*?</nav>", html, re.S).group(0)
    assert reverse("wagtailadmin_explore", args=[home.pk]) in breadcrumbs
    # The slim header shows the last breadcrumb: the whole title, not only "Synpunkter".
    assert re.search(r"<li[^>]*w-font-bold[^>]*>.*?Synpunkter på Exportstöd", breadcrumbs, re.S)
