"""Open redirects and Host header poisoning: every redirect stays on the site.

Attackers hand people links like /admin/login/?next=//evil.example so that, after a
genuine login, the browser lands on a look-alike site. And a forged Host header can
make a password reset mail point to the attacker's host, handing them the token.
"""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import PageViewRestriction

from pages.factories import TopicPageFactory

PASSWORD = "correct-horse-battery"
HOSTILE = [
    "//evil.example",
    "https://evil.example",
    "http://evil.example/admin/",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    " //evil.example",
]


def stays_on_site(location):
    """A Location a browser resolves to this site: a path, or our own absolute URL."""
    location = location.strip()
    if location.startswith("http://testserver/"):
        return True
    return (
        location.startswith("/")
        and not location.startswith("//")
        and not location.startswith("/\\")
        and "evil.example" not in location.split("?")[0]
    )


@pytest.fixture(autouse=True)
def fresh_counts():
    """Password reset mails are counted in the cache (editorial/login_throttle.py)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.com", PASSWORD)


@pytest.mark.parametrize("target", HOSTILE)
def test_admin_login_next_cannot_send_the_editor_to_another_site(client, editor, target):
    response = client.post(
        f"/admin/login/?next={target}",
        {"username": "redaktor", "password": PASSWORD, "next": target},
    )

    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]
    assert response["Location"] == "/admin/"


def test_admin_login_next_on_the_site_is_followed(client, editor):
    response = client.post(
        "/admin/login/?next=/admin/pages/",
        {"username": "redaktor", "password": PASSWORD, "next": "/admin/pages/"},
    )

    assert response["Location"] == "/admin/pages/"


@pytest.mark.parametrize("target", HOSTILE)
def test_logged_in_editor_opening_the_login_page_stays_on_site(client, editor, target):
    client.force_login(editor)

    response = client.get("/admin/login/", {"next": target})

    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", HOSTILE)
def test_private_page_login_next_stays_on_site(client, editor, target):
    response = client.post(
        "/_util/login/", {"username": "redaktor", "password": PASSWORD, "next": target}
    )

    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", HOSTILE)
def test_page_password_form_return_url_stays_on_site(client, home, target):
    page = TopicPageFactory(parent=home, slug="skyddad")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="losenord"
    )

    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "losenord", "return_url": target},
    )

    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", HOSTILE)
@pytest.mark.parametrize("action", ["unpublish", "lock"])
def test_admin_actions_with_next_stay_on_site(admin_client, home, target, action):
    page = TopicPageFactory(parent=home)
    url = f"/admin/pages/{page.pk}/{action}/?next={target}"

    response = admin_client.post(url, {"next": target})

    assert response.status_code == 302
    assert stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("path", ["//evil.example", "//evil.example/sida", "///evil.example"])
def test_slash_appending_does_not_redirect_to_another_site(client, home, path):
    # Set as the raw path: the test client would read "//evil.example" as a host.
    response = client.get("/", PATH_INFO=path)

    if response.status_code in (301, 302):
        assert stays_on_site(response["Location"]), response["Location"]
    else:
        assert response.status_code == 404


# Host header -------------------------------------------------------------------------


def test_request_with_a_foreign_host_header_is_refused(client, editor):
    response = client.post(
        "/admin/password_reset/", {"email": "redaktor@example.com"}, HTTP_HOST="evil.example"
    )

    assert response.status_code == 400
    assert mail.outbox == []


@override_settings(
    ALLOWED_HOSTS=["www.tillvaxtverket.se", "tillvaxtverket.se"],
    WAGTAILADMIN_BASE_URL="https://www.tillvaxtverket.se",
)
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_HOST": "tillvaxtverket.se"},
        {"HTTP_HOST": "www.tillvaxtverket.se", "HTTP_X_FORWARDED_HOST": "evil.example"},
    ],
)
def test_password_reset_link_uses_the_sites_own_address_whatever_the_host(client, editor, headers):
    response = client.post("/admin/password_reset/", {"email": "redaktor@example.com"}, **headers)

    assert response.status_code == 302
    [message] = mail.outbox
    assert "https://www.tillvaxtverket.se/admin/password_reset/confirm/" in message.body
    assert "evil.example" not in message.body
    assert "://tillvaxtverket.se" not in message.body
