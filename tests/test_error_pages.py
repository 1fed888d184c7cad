import pytest
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction


def test_missing_page_gets_swedish_404_with_search_and_home_link(client, home):
    response = client.get("/finns-inte/")

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="sv"' in html
    assert "<h1>Sidan kunde inte hittas</h1>" in html
    assert html.count("<h1") == 1
    assert '<form class="search-form" action="/sok/" method="get" role="search">' in html
    assert '<input class="search-form__input" type="search" id="error-search" name="q"' in html
    assert '<label class="search-form__label" for="error-search">' in html
    assert '<a href="/">Gå till startsidan</a>' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.urls("tests.error_urls")
def test_server_error_gets_swedish_500_with_search_and_home_link(client, home):
    client.raise_request_exception = False

    response = client.get("/trasig/")

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="sv">' in html
    assert "<h1>Något gick fel hos oss</h1>" in html
    assert 'action="/sok/" method="get"' in html
    assert '<a href="/">Gå till startsidan</a>' in html


def test_500_page_renders_without_context_or_database():
    # No db fixture: pytest-django makes any query in here fail the test.
    html = get_template("500.html").render()

    assert "Något gick fel hos oss" in html
    assert "/static/css/site.css" in html


def test_a_post_that_fails_the_csrf_check_gets_the_swedish_page_not_djangos(home):
    # A view that takes POST under Django's CSRF check: a private page's password form.
    # (An address that takes no POST answers 405 before any CSRF check:
    # core/method_not_allowed.py.)
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type="password", password="hemligt"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, home.pk])

    response = Client(enforce_csrf_checks=True).post(url, {"password": "hemligt"})

    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="sv"' in html
    assert "Formuläret kunde inte tas emot" in html
    assert "DEBUG" not in html
    assert 'href="/"' in html
