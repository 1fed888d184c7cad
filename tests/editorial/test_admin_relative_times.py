"""The Swedish admin says relative times in Swedish: Wagtail's admin uses Django's
humanize ``naturaltime``, whose translations load only with django.contrib.humanize
installed (agency/settings/base.py)."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

TEMPLATE = Template("{% load wagtailadmin_tags %}{{ moment|naturaltime }}")


@pytest.mark.parametrize(
    ("ago", "swedish"),
    [
        (timedelta(seconds=43), "43 sekunder sedan"),
        (timedelta(minutes=5), "5 minuter sedan"),
        (timedelta(hours=2), "2 timmar sedan"),
    ],
)
def test_the_admins_relative_times_are_swedish(ago, swedish):
    with translation.override("sv"):
        shown = TEMPLATE.render(Context({"moment": timezone.now() - ago}))

    assert swedish in shown.replace("\xa0", " ")
    assert "ago" not in shown
