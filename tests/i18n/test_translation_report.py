"""Rapporter › Översättningar: what lacks an English translation or has an outdated one."""

import datetime

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_report_lists_missing_and_outdated_translations(admin_client, bilingual):
    conference = bilingual["conference"]
    english = bilingual["en_conference"]
    conference.refresh_from_db()
    english.last_published_at = conference.last_published_at - datetime.timedelta(days=1)
    english.save(update_fields=["last_published_at"])

    response = admin_client.get(reverse("translation_report"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Bara svenska" in html
    assert "Saknar engelsk översättning" in html
    assert "Smart specialisering 2018" in html
    assert "Den engelska översättningen är äldre än originalet" in html
    assert "Konferenser</a>" not in html  # translated and up to date


def test_report_is_in_the_reports_menu(admin_client, bilingual):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("translation_report") in html
