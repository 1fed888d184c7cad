import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from content_review.models import PageReview
from content_review.services import ensure_reviews, review_interval
from events.models import ConferencePage
from pages.factories import TopicPageFactory
from pages.models import TopicPage

TODAY = datetime.date.today()


@pytest.fixture
def topic(home, redaktor_client):
    page = TopicPageFactory(parent=home, title="Regional utveckling")
    page.owner = redaktor_client.user
    page.save()
    return page


def overdue(page, user=None, days=3):
    review, _ = PageReview.objects.update_or_create(
        page=page, defaults={"owner": user, "review_date": TODAY - datetime.timedelta(days=days)}
    )
    return review


def test_interval_per_page_type_comes_from_settings(settings):
    settings.CONTENT_REVIEW_INTERVAL_DAYS = {"default": 365, "events.ConferencePage": 30}

    assert review_interval(TopicPage) == datetime.timedelta(days=365)
    assert review_interval(ConferencePage) == datetime.timedelta(days=30)


def test_every_live_page_gets_an_owner_and_review_date(topic, home):
    PageReview.objects.all().delete()

    ensure_reviews()

    review = PageReview.objects.get(page=topic)
    assert review.owner == topic.owner
    assert review.review_date == TODAY + review_interval(TopicPage)


def test_publishing_a_new_page_gives_it_a_review_date(home):
    page = TopicPageFactory.build(title="Ny sida", live=False)
    home.add_child(instance=page)
    assert not PageReview.objects.filter(page=page).exists()

    page.save_revision().publish()

    assert PageReview.objects.get(page=page).review_date > TODAY


def test_dashboard_shows_my_overdue_pages_and_not_others(topic, home, redaktor_client):
    other = TopicPageFactory(parent=home, title="Någon annans sida")
    overdue(topic, redaktor_client.user)
    overdue(other, None)

    response = redaktor_client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert "Dina sidor att granska" in html
    assert "Regional utveckling" in html
    assert "Någon annans sida" not in html
    assert "Försenad" in html
    assert 'name="csrfmiddlewaretoken"' in html  # the "Markera som granskad" form posts


def test_group_ownership_shows_the_page_to_group_members(topic, redaktor_client):
    review = overdue(topic, None)
    review.owner_group = redaktor_client.user.groups.first()
    review.save()

    response = redaktor_client.get(reverse("wagtailadmin_home"))

    assert "Regional utveckling" in response.content.decode()


def test_marking_reviewed_records_who_and_when_without_a_new_revision(topic, redaktor_client):
    overdue(topic, redaktor_client.user)
    revisions = Revision.objects.count()
    published_at = Page.objects.get(pk=topic.pk).last_published_at

    response = redaktor_client.post(reverse("content_review:mark_reviewed", args=[topic.pk]))

    assert response.status_code == 302
    review = PageReview.objects.get(page=topic)
    assert review.last_reviewed_by == redaktor_client.user
    assert timezone.now() - review.last_reviewed_at < datetime.timedelta(minutes=1)
    assert review.review_date == TODAY + review_interval(TopicPage)
    assert Revision.objects.count() == revisions
    assert Page.objects.get(pk=topic.pk).last_published_at == published_at


def test_marking_reviewed_needs_post_and_edit_permission(topic, client, django_user_model):
    user = django_user_model.objects.create_user("besokare", "b@example.com", "x")
    client.force_login(user)

    assert client.get(reverse("content_review:mark_reviewed", args=[topic.pk])).status_code in (
        302,
        403,
        405,
    )
    client.post(reverse("content_review:mark_reviewed", args=[topic.pk]))
    assert not PageReview.objects.filter(page=topic, last_reviewed_at__isnull=False).exists()


def test_owner_and_date_are_edited_in_their_own_form(topic, redaktor_client, granskare_client):
    url = reverse("content_review:edit", args=[topic.pk])
    new_date = TODAY + datetime.timedelta(days=40)

    response = redaktor_client.post(
        url, {"owner": granskare_client.user.pk, "owner_group": "", "review_date": new_date}
    )

    assert response.status_code == 302
    review = PageReview.objects.get(page=topic)
    assert (review.owner, review.review_date) == (granskare_client.user, new_date)


def test_edit_form_refuses_a_missing_date_and_changes_nothing(topic, redaktor_client):
    overdue(topic, redaktor_client.user)

    response = redaktor_client.post(
        reverse("content_review:edit", args=[topic.pk]), {"owner": "", "review_date": "nej"}
    )

    assert response.status_code == 200
    assert PageReview.objects.get(page=topic).owner == redaktor_client.user


def test_page_editor_shows_the_review_panel(topic, redaktor_client):
    overdue(topic, redaktor_client.user)

    response = redaktor_client.get(reverse("wagtailadmin_pages:edit", args=[topic.pk]))

    html = response.content.decode()
    assert "Innehållsansvar och granskning" in html
    assert reverse("content_review:edit", args=[topic.pk]) in html


def test_report_lists_overdue_pages_by_section_and_owner_and_exports(topic, redaktor_client):
    child = TopicPageFactory(parent=topic, title="Underavsnitt")
    overdue(child, redaktor_client.user, days=10)
    PageReview.objects.filter(page=topic).update(review_date=TODAY + datetime.timedelta(days=5))

    response = redaktor_client.get(reverse("content_review:report"))
    csv = redaktor_client.get(reverse("content_review:report") + "?export=csv")

    html = response.content.decode()
    assert "Underavsnitt" in html and "Regional utveckling" in html  # page and its section
    assert "redaktor" in html
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Underavsnitt,Regional utveckling,redaktor" in body


def test_reminders_are_mailed_once_per_review_date(topic, redaktor_client, settings):
    settings.CONTENT_REVIEW_NOTICE_DAYS = 14
    review = overdue(topic, redaktor_client.user, days=-7)  # due in a week

    call_command("send_review_reminders", stdout=io.StringIO())
    call_command("send_review_reminders", stdout=io.StringIO())

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redaktor@example.com"]
    assert "Regional utveckling" in mail.outbox[0].body
    assert reverse("content_review:edit", args=[topic.pk]) in mail.outbox[0].body
    review.refresh_from_db()
    assert review.reminder_sent_for == review.review_date


def test_no_reminder_long_before_the_date(topic, redaktor_client, settings):
    settings.CONTENT_REVIEW_NOTICE_DAYS = 14
    overdue(topic, redaktor_client.user, days=-60)

    call_command("send_review_reminders", stdout=io.StringIO())

    assert mail.outbox == []
