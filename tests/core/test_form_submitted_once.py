"""A form token is stored and e-mailed once (core/form_protection.py): the same token
posted again (the reload of the thank-you page, a double click, parallel posts, a
replay) stores and sends nothing and gets the same thank-you page."""

import threading

import pytest
from django.core import mail, signing
from wagtail.contrib.forms.models import FormSubmission

from alternate_formats.models import AlternateFormatRequest
from core import form_protection
from core.form_protection import SALT, claim_token, issue_token
from feedback.factories import FeedbackFormPageFactory
from tests.alternate_formats.test_invisible_text import document  # noqa: F401 (fixture)
from tests.alternate_formats.test_order_form import form_token as order_token
from tests.alternate_formats.test_order_form import order_url
from tests.feedback.test_invisible_text import form_token as feedback_token


@pytest.fixture
def feedback(home):
    return FeedbackFormPageFactory(
        parent=home, fields=[("Synpunkter", "multiline", True)], to_address="a@example.se"
    )


def send_feedback(client, page, token, text="Bra sida."):
    return client.post(page.url, {"form_token": token, "synpunkter": text})


def send_order(client, document, token):  # noqa: F811
    values = {"format": "word", "email": "anna@example.se", "form_token": token}
    return client.post(order_url(document), values)


@pytest.mark.parametrize("times", [2, 4])
def test_one_feedback_token_posted_again_and_again_is_stored_and_mailed_once(
    client, feedback, times
):
    token = feedback_token(client, feedback)
    responses = [send_feedback(client, feedback, token) for _ in range(times)]

    assert all(r.status_code == 200 for r in responses)
    assert all("Tack för dina synpunkter!" in r.content.decode() for r in responses)
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_reposted_token_with_other_text_is_not_stored_either(client, feedback):
    token = feedback_token(client, feedback)
    send_feedback(client, feedback, token, "Första")
    send_feedback(client, feedback, token, "Reklam för något")
    assert [s.form_data["synpunkter"] for s in FormSubmission.objects.all()] == ["Första"]


@pytest.mark.parametrize("times", [2, 3])
def test_one_order_token_posted_again_is_stored_and_mailed_once(
    client,
    document,  # noqa: F811
    settings,
    times,
):
    settings.ALTERNATE_FORMAT_EMAIL = "tillganglighet@example.se"
    token = order_token(client, document)
    responses = [send_order(client, document, token) for _ in range(times)]

    assert all("Tack för din beställning" in r.content.decode() for r in responses)
    assert AlternateFormatRequest.objects.count() == 1
    assert len(mail.outbox) == 1


def test_every_visitor_gets_an_own_token_also_from_the_render_cache(client, feedback):
    tokens = {feedback_token(client, feedback) for _ in range(3)}
    assert len(tokens) == 3
    for token in tokens:
        send_feedback(client, feedback, token)
    assert FormSubmission.objects.count() == 3


def test_a_post_that_loses_the_race_for_its_token_stores_nothing(client, feedback, monkeypatch):
    """Two parallel posts both find the token unused; the other one claims it first."""
    token = feedback_token(client, feedback)
    monkeypatch.setattr(form_protection, "token_used", lambda token: False)
    assert claim_token(token)

    response = send_feedback(client, feedback, token)

    assert "Tack för dina synpunkter!" in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_only_one_of_parallel_claims_of_a_token_wins():
    token = issue_token("feedback:1")
    results = []
    start = threading.Barrier(8)

    def claim():
        start.wait()
        results.append(claim_token(token))

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


def test_a_post_refused_by_the_rate_limit_does_not_use_up_its_token(client, feedback, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 3600)
    send_feedback(client, feedback, feedback_token(client, feedback))
    token = feedback_token(client, feedback)
    assert send_feedback(client, feedback, token).status_code == 429

    settings.FEEDBACK_RATE_LIMIT = (5, 3600)
    assert "Tack för dina synpunkter!" in send_feedback(client, feedback, token).content.decode()
    assert FormSubmission.objects.count() == 2


def test_a_token_issued_before_nonces_is_still_taken_once(client, feedback):
    token = signing.dumps(f"feedback:{feedback.pk}", salt=SALT)
    send_feedback(client, feedback, token)
    send_feedback(client, feedback, token)
    assert FormSubmission.objects.count() == 1
