import csv
import io
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.contrib.forms.models import FormSubmission

from contacts.factories import ContactPersonFactory
from core.models import SiteSettings
from feedback.factories import FeedbackFormPageFactory
from feedback.models import FeedbackFormField, FeedbackFormPage
from pages.factories import TopicPageFactory
from pages.models import HomePage, TopicPage

MESSAGE = "Sökfunktionen hittar inte strategin."


@pytest.fixture
def feedback(home):
    return FeedbackFormPageFactory(parent=home, contact=ContactPersonFactory())


def form_token(client, page):
    """The signed token in the form, as a browser gets it with the page."""
    html = client.get(page.url).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def post(client, page, remote_addr="192.0.2.10", **data):
    values = {
        "namn": "Anna Svensson",
        "e_post": "anna@example.com",
        "synpunkter": MESSAGE,
        "form_token": form_token(client, page),
    }
    values.update(data)
    return client.post(page.url, values, REMOTE_ADDR=remote_addr)


def test_feedback_form_lives_under_the_home_page_only(db):
    assert FeedbackFormPage.can_create_at(HomePage()) is True
    assert FeedbackFormPage.can_create_at(TopicPage()) is False
    assert FeedbackFormPage.allowed_subpage_models() == []


def test_visitor_sees_labelled_fields_with_optional_ones_marked(client, feedback):
    html = client.get(feedback.url).content.decode()

    assert html.count("<h1") == 1
    assert '<label class="form-field__label" for="id_namn">Namn <span' in html
    assert html.count("(valfritt)") == 2
    assert 'autocomplete="email"' in html
    assert 'autocomplete="name"' in html
    assert 'method="post"' in html and 'type="hidden" name="form_token"' in html


def test_honeypot_is_hidden_from_people_and_labelled_to_be_left_empty(client, feedback):
    html = client.get(feedback.url).content.decode()

    honeypot = re.search(r'<div class="form-honeypot" aria-hidden="true">(.*?)</div>', html, re.S)
    assert honeypot is not None
    assert "Lämna det här fältet tomt" in honeypot.group(1)
    assert 'tabindex="-1"' in honeypot.group(1)
    assert 'autocomplete="off"' in honeypot.group(1)


def test_submission_is_stored_and_mailed_to_the_contact_person(client, feedback):
    response = post(client, feedback)

    assert response.status_code == 200
    assert "Tack för dina synpunkter!" in response.content.decode()
    submission = FormSubmission.objects.get(page=feedback)
    assert submission.form_data == {
        "namn": "Anna Svensson",
        "e_post": "anna@example.com",
        "synpunkter": MESSAGE,
    }
    [message] = mail.outbox
    assert message.to == ["cecilia.johansson@tillvaxtverket.se"]
    assert message.reply_to == ["anna@example.com"]
    assert f"Synpunkter: {MESSAGE}" in message.body
    assert "http://testserver/synpunkter/" in message.body


def test_without_a_contact_person_the_mail_goes_to_the_page_address(client, home):
    page = FeedbackFormPageFactory(
        parent=home, contact=None, to_address="a@example.com, b@example.com"
    )

    post(client, page)

    [message] = mail.outbox
    assert message.to == ["a@example.com", "b@example.com"]


def test_honeypot_submission_sees_thanks_but_is_neither_stored_nor_mailed(client, feedback):
    response = post(client, feedback, website="https://spam.example.com/")

    assert response.status_code == 200
    assert "Tack för dina synpunkter!" in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_broken_submission_shows_errors_and_keeps_what_was_typed(client, feedback):
    response = post(client, feedback, e_post="anna(at)example", synpunkter="")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fel: " in html
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'role="alert"' in summary
    assert '<a href="#id_synpunkter">Synpunkter:' in summary
    assert '<a href="#id_e_post">E-post:' in summary
    assert 'aria-invalid="true"' in html
    assert re.search(r'<textarea[^>]*aria-describedby="id_synpunkter_error"', html)
    assert 'id="id_synpunkter_error"' in html
    assert 'value="Anna Svensson"' in html
    assert 'value="anna(at)example"' in html
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_blocks_the_next_submission_and_keeps_the_text(client, feedback, settings):
    settings.FEEDBACK_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert "Tack för dina synpunkter!" in post(client, feedback).content.decode()

    response = post(client, feedback, synpunkter="Ett tredje meddelande.")

    html = response.content.decode()
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert "Du har skickat många meddelanden på kort tid." in html
    assert "Ett tredje meddelande.</textarea>" in html
    assert FormSubmission.objects.count() == 2
    assert len(mail.outbox) == 2


def test_rate_limit_counts_each_visitor_address_separately(client, feedback, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 3600)

    first = post(client, feedback, remote_addr="192.0.2.1")
    blocked = post(client, feedback, remote_addr="192.0.2.1")
    other = post(client, feedback, remote_addr="192.0.2.2")

    assert first.status_code == 200
    assert blocked.status_code == 429
    assert other.status_code == 200
    assert FormSubmission.objects.count() == 2


def test_behind_a_proxy_the_forwarded_address_is_counted(client, feedback, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 3600)
    settings.NUM_PROXIES = 1

    def post_via_proxy(visitor):
        return client.post(
            feedback.url,
            {"synpunkter": MESSAGE, "form_token": form_token(client, feedback)},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.99, {visitor}",
        )

    assert post_via_proxy("198.51.100.1").status_code == 200
    assert post_via_proxy("198.51.100.2").status_code == 200
    assert post_via_proxy("198.51.100.1").status_code == 429


def test_editor_exports_submissions_as_csv(admin_client, feedback):
    post(admin_client, feedback)

    response = admin_client.get(f"/admin/forms/submissions/{feedback.pk}/?export=csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][1:] == ["Namn", "E-post", "Synpunkter"]
    assert rows[1][1:] == ["Anna Svensson", "anna@example.com", MESSAGE]


def test_footer_links_to_the_feedback_form_on_every_page(client, home, feedback):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.feedback_page = feedback
    site_settings.save()
    topic = TopicPageFactory(parent=home)

    for url in ("/", topic.url):
        html = client.get(url).content.decode()
        assert '<a href="/synpunkter/">Har du synpunkter?</a>' in html


def test_editor_cannot_give_a_field_the_honeypot_name(home):
    page = FeedbackFormPageFactory(parent=home)
    field = FeedbackFormField(page=page, label="Website", field_type="url", required=False)

    with pytest.raises(ValidationError) as error:
        field.full_clean()

    assert "label" in error.value.message_dict
