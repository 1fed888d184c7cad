import datetime
import io
import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from feedback.factories import FeedbackFormPageFactory
from page_feedback.models import PageFeedback
from pages.factories import TopicPageFactory
from personal_data.retention import apply_retention, months_before


def _aged(model, field, days, **values):
    row = model.objects.create(**values)
    model.objects.filter(pk=row.pk).update(
        **{field: timezone.now() - datetime.timedelta(days=days)}
    )
    return row


def test_months_before_counts_calendar_months():
    moment = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 12) == datetime.datetime(2025, 3, 31, 12, tzinfo=datetime.UTC)


def test_older_entries_are_deleted_and_the_count_logged(home, caplog):
    topic = TopicPageFactory(parent=home)
    form = FeedbackFormPageFactory(parent=home)
    old_feedback = _aged(PageFeedback, "created_at", 400, page=topic, found=False, comment="x")
    new_feedback = _aged(PageFeedback, "created_at", 300, page=topic, found=True)
    old_form = _aged(FormSubmission, "submit_time", 400, page=form, form_data={"a": 1})
    new_form = _aged(FormSubmission, "submit_time", 10, page=form, form_data={"a": 2})

    with caplog.at_level(logging.INFO, logger="personal_data.retention"):
        out = io.StringIO()
        call_command("apply_personal_data_retention", stdout=out)

    assert not PageFeedback.objects.filter(pk=old_feedback.pk).exists()
    assert not FormSubmission.objects.filter(pk=old_form.pk).exists()
    assert PageFeedback.objects.filter(pk=new_feedback.pk).exists()
    assert FormSubmission.objects.filter(pk=new_form.pk).exists()
    assert "page_feedback.PageFeedback: 1 raderade" in out.getvalue()
    assert "1 rows of page_feedback.PageFeedback" in caplog.text


def test_retention_period_is_a_setting(home, settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 6
    topic = TopicPageFactory(parent=home)
    _aged(PageFeedback, "created_at", 200, page=topic, found=False)

    assert apply_retention()["page_feedback.PageFeedback"] == 1


def test_other_apps_add_their_models_to_the_registry(home, settings):
    settings.PERSONAL_DATA_RETENTION = [("page_feedback.PageFeedback", "nonexistent")]

    with pytest.raises(ImproperlyConfigured):
        apply_retention()


def test_privacy_text_lists_processing_and_says_no_cookies(db):
    from django.template import Context, Template

    html = Template("{% load personal_data_tags %}{% privacy_processing %}").render(Context())

    assert "inga kakor" in html
    assert "Hittade du det du sökte?" in html and "12 månader" in html
