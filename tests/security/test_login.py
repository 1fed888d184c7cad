"""Admin login: throttled after repeated failures, and no way to learn which accounts exist."""

import re
from unittest import mock

import pytest
from django.contrib.auth.backends import ModelBackend
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from core import ratelimit

LOGIN_URL = "/admin/login/"
PASSWORD = "correct-horse-battery"
WRONG_MESSAGE = "matchade inte"  # Wagtail's Swedish "Ditt användarnamn och lösenord matchade inte"
THROTTLED = "För många misslyckade inloggningar"
LIMITS = {"account": (3, 600), "address": (6, 600)}


@pytest.fixture(autouse=True)
def small_limits():
    cache.clear()
    with override_settings(LOGIN_THROTTLE=LIMITS):
        yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.com", PASSWORD)


def attempt(client, username, password, address="192.0.2.10"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return "_auth_user_id" in client.session


def fail_times(client, count, username="redaktor", address="192.0.2.10"):
    for _ in range(count):
        response = attempt(client, username, "fel-losenord", address)
        assert response.status_code == 200
        assert not logged_in(client)


def test_right_password_logs_in(client, editor):
    response = attempt(client, "redaktor", PASSWORD)

    assert response.status_code == 302
    assert logged_in(client)


def test_after_repeated_failures_even_the_right_password_is_refused_with_a_clear_message(
    client, editor
):
    fail_times(client, 3)

    response = attempt(client, "redaktor", PASSWORD)

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= LIMITS["account"][1] + 1
    assert not logged_in(client)
    html = response.content.decode()
    assert THROTTLED in html
    assert "Too many failed logins" in html
    assert 'name="password"' in html  # the form is still there


def test_while_throttled_no_password_is_checked_at_all(client, editor):
    fail_times(client, 3)

    with mock.patch.object(ModelBackend, "authenticate") as authenticate:
        attempt(client, "redaktor", PASSWORD, address="198.51.100.7")

    authenticate.assert_not_called()


def test_failures_for_one_account_from_many_addresses_lock_that_account(client, editor):
    for number in range(3):
        fail_times(client, 1, address=f"203.0.113.{number}")

    response = attempt(client, "redaktor", PASSWORD, address="203.0.113.200")

    assert THROTTLED in response.content.decode()
    assert not logged_in(client)


def test_account_names_differing_only_in_case_share_one_count(client, editor):
    fail_times(client, 1, username="Redaktor")
    fail_times(client, 1, username="REDAKTOR")
    fail_times(client, 1, username="redaktor ")

    response = attempt(client, "redaktor", PASSWORD, address="203.0.113.99")

    assert THROTTLED in response.content.decode()


def test_failures_from_one_address_across_many_accounts_lock_that_address(
    client, editor, django_user_model
):
    for number in range(6):
        fail_times(client, 1, username=f"gissning{number}", address="192.0.2.66")

    blocked = attempt(client, "redaktor", PASSWORD, address="192.0.2.66")
    assert THROTTLED in blocked.content.decode()
    assert not logged_in(client)

    allowed = attempt(client, "redaktor", PASSWORD, address="192.0.2.67")
    assert allowed.status_code == 302
    assert logged_in(client)


def test_another_account_is_not_locked_by_failures_on_the_first(client, editor, django_user_model):
    django_user_model.objects.create_superuser("granskare", "g@example.com", PASSWORD)
    fail_times(client, 3, username="redaktor")

    response = attempt(client, "granskare", PASSWORD, address="192.0.2.11")

    assert response.status_code == 302


def test_logins_are_allowed_again_when_the_window_has_passed(client, editor):
    fail_times(client, 3)
    assert THROTTLED in attempt(client, "redaktor", PASSWORD).content.decode()

    later = ratelimit.time.time() + LIMITS["account"][1] + 1
    with mock.patch.object(ratelimit.time, "time", return_value=later):
        response = attempt(client, "redaktor", PASSWORD)

    assert response.status_code == 302
    assert logged_in(client)


def test_a_successful_login_clears_the_accounts_failures(client, editor):
    fail_times(client, 2)
    assert attempt(client, "redaktor", PASSWORD).status_code == 302
    client.logout()

    fail_times(client, 2)
    response = attempt(client, "redaktor", PASSWORD)

    assert response.status_code == 302


def test_a_very_long_account_name_is_counted_without_error(client, editor):
    name = "å" * 254
    fail_times(client, 3, username=name)

    response = attempt(client, name, "x")

    assert response.status_code == 429
    assert THROTTLED in response.content.decode()


def test_the_login_page_for_private_pages_is_throttled_too(client, editor):
    fail_times(client, 3)

    response = client.post(
        "/_util/login/", {"username": "redaktor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )

    assert response.status_code == 200
    assert not logged_in(client)


# No user enumeration -----------------------------------------------------------------


def normalised(response, username):
    """The page as the visitor sees it, minus the name they typed and per-request tokens."""
    html = response.content.decode()
    if username:
        html = html.replace(username, "NAME")
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"CSRF_TOKEN": "[^"]+"', "", html)


def test_unknown_account_and_wrong_password_give_the_same_answer(client, editor):
    unknown = attempt(client, "finns-inte", "fel-losenord", address="192.0.2.20")
    wrong = attempt(client, "redaktor", "fel-losenord", address="192.0.2.21")

    assert unknown.status_code == wrong.status_code == 200
    assert WRONG_MESSAGE in wrong.content.decode()
    assert normalised(unknown, "finns-inte") == normalised(wrong, "redaktor")
    assert "Retry-After" not in wrong


def test_unknown_and_existing_accounts_are_throttled_alike(client, editor):
    fail_times(client, 3, username="finns-inte", address="192.0.2.30")
    fail_times(client, 3, username="redaktor", address="192.0.2.31")

    unknown = attempt(client, "finns-inte", "x", address="192.0.2.30")
    existing = attempt(client, "redaktor", PASSWORD, address="192.0.2.31")

    assert THROTTLED in existing.content.decode()
    assert unknown.status_code == existing.status_code == 429
    assert normalised(unknown, "finns-inte") == normalised(existing, "redaktor")


def test_password_reset_says_the_same_whether_or_not_the_address_exists(client, editor):
    url = "/admin/password_reset/"
    known = client.post(url, {"email": "redaktor@example.com"})
    unknown = client.post(url, {"email": "ingen@example.com"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    done_known = client.get(known["Location"])
    done_unknown = client.get(unknown["Location"])
    assert normalised(done_known, "") == normalised(done_unknown, "")
    # Only the real account gets mail; the visitor cannot tell.
    assert [message.to for message in mail.outbox] == [["redaktor@example.com"]]


# Several worker processes -------------------------------------------------------------


def test_production_counts_failures_in_a_cache_every_worker_shares():
    """gunicorn runs several processes; a per-process cache would let each count alone."""
    import os
    import secrets
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "agency.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.tillvaxtverket.se",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/unreachable",
        "NUM_PROXIES": "1",
        "REDIS_URL": "redis://127.0.0.1:9/0",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CACHES['default']['BACKEND'])",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    backend = result.stdout.strip()
    assert backend == "django_redis.cache.RedisCache"


def test_a_lock_is_kept_in_the_shared_database_cache_not_in_process_memory(
    client, editor, settings
):
    from django.core.management import call_command
    from django.db import connection

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "agency_cache_test",
        }
    }
    call_command("createcachetable", verbosity=0)

    fail_times(client, 3)

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM agency_cache_test")
        keys = [row[0] for row in cursor.fetchall()]
    assert any("login-failures:account:" in key for key in keys)
    # Any worker reading the table refuses the login.
    response = attempt(Client(), "redaktor", PASSWORD, address="198.51.100.99")
    assert THROTTLED in response.content.decode()


def test_password_reset_mails_stop_after_a_few_but_the_page_looks_the_same(client, editor):
    url = "/admin/password_reset/"
    limit = 3
    with override_settings(PASSWORD_RESET_THROTTLE={"email": (limit, 3600), "address": (50, 3600)}):
        responses = [
            client.post(url, {"email": "redaktor@example.com"}, REMOTE_ADDR=f"192.0.2.{n}")
            for n in range(limit + 2)
        ]

    assert [response.status_code for response in responses] == [302] * (limit + 2)
    assert len({response["Location"] for response in responses}) == 1
    assert len(mail.outbox) == limit


def test_one_address_cannot_send_reset_mails_to_many_accounts(client, editor):
    with override_settings(PASSWORD_RESET_THROTTLE={"email": (50, 3600), "address": (2, 3600)}):
        for _ in range(2):
            client.post("/admin/password_reset/", {"email": "ingen@example.com"})
        response = client.post("/admin/password_reset/", {"email": "redaktor@example.com"})

    assert response.status_code == 302
    assert mail.outbox == []
