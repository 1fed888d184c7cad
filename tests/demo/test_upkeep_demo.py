"""The demo gives every upkeep tool something to show (demo/upkeep.py): a new editor
finds pages of theirs due for review, a broken link in the report and visitors' answers."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from content_review.models import PageReview
from content_review.services import mark_reviewed
from linkcheck.internal import broken_internal_links
from page_feedback.models import PageFeedback
from pages.models import TopicPage

# The demo accounts are made by the load (tests/conftest.py demo_content).
DEMO_SETTINGS = {"DEMO_ACCOUNTS_ENABLED": True}


@pytest.fixture
def demo(demo_content, db, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEMO_ACCOUNTS_ENABLED = True


def test_the_demo_editor_has_one_overdue_page_and_one_due_soon(demo, client):
    client.login(username="redaktor", password="demo-redaktor-2018")

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    reviews = PageReview.objects.filter(owner__username="redaktor").order_by("review_date")
    assert [review.is_overdue for review in reviews] == [True, False]
    assert [review.page.title for review in reviews] == [
        "Smart specialisering",
        "Tillväxtverkets strategi för Smart specialisering",
    ]
    assert "Smart specialisering" in html
    assert "Inga av dina sidor behöver granskas" not in html


def test_the_link_report_lists_the_live_page_linking_to_a_draft(demo):
    [problem] = broken_internal_links()

    assert problem.page.title == "Regional kapacitet"
    assert problem.target == "Regionala utvecklingsstrategier"
    assert not TopicPage.objects.get(slug="regionala-utvecklingsstrategier").live


def test_one_page_has_answers_and_comments_to_read(demo):
    smart = TopicPage.objects.get(slug="smart-specialisering")

    answers = PageFeedback.objects.filter(page=smart)

    assert (answers.filter(found=False).count(), answers.filter(found=True).count()) == (4, 2)
    assert answers.exclude(comment="").count() == 2


def test_loading_again_keeps_a_marked_review_and_adds_no_answers(demo, django_user_model):
    smart = TopicPage.objects.get(slug="smart-specialisering")
    mark_reviewed(smart, django_user_model.objects.get(username="redaktor"))
    marked = PageReview.objects.get(page=smart).review_date

    call_command("load_demo_content", stdout=io.StringIO())

    assert PageReview.objects.get(page=smart).review_date == marked > timezone.localdate()
    assert PageFeedback.objects.count() == 6
    assert len(broken_internal_links()) == 1
