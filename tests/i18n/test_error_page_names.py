"""Every error page names the organisation in the page's language, as content pages do
(SiteSettings.site_name: organisation_name_en on English pages): the 404 (base.html) and
the self-contained ones (templates/error_page.html: 400, 403, the CSRF 403, 405, 500)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import PageViewRestriction

from core.models import SiteSettings

pytestmark = pytest.mark.django_db

SV_NAME = "Verket för tillväxt"
EN_NAME = "Swedish Agency for Economic and Regional Growth"


@pytest.fixture
def named(bilingual):
    site_settings = SiteSettings.for_site(bilingual["home"].get_site())
    site_settings.organisation_name = SV_NAME
    site_settings.organisation_name_en = EN_NAME
    site_settings.save()
    return site_settings


def error_response(kind, prefix, bilingual):
    """The response of error page ``kind`` at an address in the language of ``prefix``."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if kind == "404":
        return client.get(f"{prefix}/finns-inte/")
    if kind == "400":
        return client.get(f"{prefix}/", HTTP_HOST="evil.example")
    if kind == "403":
        return client.get(f"{prefix}/forbjuden/")
    if kind == "403_csrf":
        private = bilingual["topic"]
        restriction = PageViewRestriction.objects.create(
            page=private, restriction_type="password", password="hemligt"
        )
        url = f"{prefix}/_util/authenticate_with_password/{restriction.pk}/{private.pk}/"
        return client.post(url, {"password": "hemligt"})
    if kind == "405":
        return client.put(f"{prefix}/sok/?q=smart")
    return client.get(f"{prefix}/trasig/")


KINDS = ["404", "400", "403", "403_csrf", "405", "500"]


@pytest.mark.urls("tests.i18n.error_urls")
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("prefix", "lang", "name"), [("/en", "en", EN_NAME), ("", "sv", SV_NAME)])
def test_error_pages_name_the_organisation_in_the_pages_language(
    named, bilingual, kind, prefix, lang, name
):
    response = error_response(kind, prefix, bilingual)
    html = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == int(kind[:3])
    assert html.html["lang"] == lang
    assert html.title.get_text().endswith(f" | {name}"), html.title.get_text()
    assert html.select_one(".site-header__name").get_text().strip() == name
    assert "Tillväxtverket" not in html.title.get_text()


@pytest.mark.urls("tests.i18n.error_urls")
@pytest.mark.parametrize("kind", KINDS)
def test_without_an_english_name_english_error_pages_use_the_swedish_one(named, bilingual, kind):
    named.organisation_name_en = ""
    named.save()

    html = BeautifulSoup(error_response(kind, "/en", bilingual).content, "html.parser")

    assert html.title.get_text().endswith(f" | {SV_NAME}")
