"""Per-client limits as they behave behind the shipped proxies.

In production every request reaches gunicorn from the front cache (and, with a load
balancer, through that too), so ``REMOTE_ADDR`` is always a proxy. The client is read
from ``X-Forwarded-For`` through ``NUM_PROXIES`` trusted proxies (core.ratelimit.client_ip):
an attacker locks only their own address and the account names they guessed, cannot
evade the limits or frame someone else by writing their own X-Forwarded-For entries,
and the feedback form counts each real visitor.
"""

import secrets
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from contacts.factories import ContactPersonFactory
from core.ratelimit import client_ip
from feedback.factories import FeedbackFormPageFactory
from tests.form_tokens import form_token

FRONT_CACHE = "10.0.0.2"  # what gunicorn sees as REMOTE_ADDR for every visitor
LOAD_BALANCER = "10.0.0.1"
ATTACKER = "203.0.113.66"
EDITOR_ADDRESS = "198.51.100.7"
PASSWORD = "correct-horse-battery"
THROTTLED = "För många misslyckade inloggningar"


def through_front_cache(client_address, spoofed=()):
    """The request's META as gunicorn gets it behind one front cache: whatever
    X-Forwarded-For the client sent, with the address the cache saw appended."""
    forwarded = ", ".join([*spoofed, client_address])
    return {"REMOTE_ADDR": FRONT_CACHE, "HTTP_X_FORWARDED_FOR": forwarded}


def through_load_balancer_and_front_cache(client_address, spoofed=()):
    forwarded = ", ".join([*spoofed, client_address, LOAD_BALANCER])
    return {"REMOTE_ADDR": FRONT_CACHE, "HTTP_X_FORWARDED_FOR": forwarded}


def request_with(meta):
    return SimpleNamespace(META=meta)


# The one function ----------------------------------------------------------------------


def test_without_trusted_proxies_the_client_is_the_connecting_address(settings):
    settings.NUM_PROXIES = 0

    assert client_ip(request_with({"REMOTE_ADDR": "192.0.2.5"})) == "192.0.2.5"
    # A client's own header is ignored when nothing trusted wrote it.
    assert client_ip(request_with(through_front_cache(ATTACKER))) == FRONT_CACHE


def test_behind_one_proxy_the_client_is_what_the_proxy_appended(settings):
    settings.NUM_PROXIES = 1

    assert client_ip(request_with(through_front_cache(ATTACKER))) == ATTACKER
    spoofed = through_front_cache(ATTACKER, spoofed=[EDITOR_ADDRESS, "192.0.2.200"])
    assert client_ip(request_with(spoofed)) == ATTACKER


def test_behind_two_proxies_the_client_is_what_the_outer_proxy_appended(settings):
    settings.NUM_PROXIES = 2

    meta = through_load_balancer_and_front_cache(ATTACKER, spoofed=[EDITOR_ADDRESS])
    assert client_ip(request_with(meta)) == ATTACKER


@pytest.mark.parametrize(
    "forwarded", ["", "   ", "unknown", "203.0.113.66:4711", "<script>", "203.0.113.999"]
)
def test_a_missing_or_malformed_forwarded_address_counts_as_the_proxy(settings, forwarded):
    settings.NUM_PROXIES = 1
    meta = {"REMOTE_ADDR": FRONT_CACHE, "HTTP_X_FORWARDED_FOR": forwarded}

    assert client_ip(request_with(meta)) == FRONT_CACHE


def test_one_ipv6_client_written_two_ways_is_one_client(settings):
    settings.NUM_PROXIES = 1

    short = client_ip(request_with(through_front_cache("2001:db8::1")))
    long = client_ip(request_with(through_front_cache("2001:DB8:0:0:0:0:0:1")))

    assert short == long == "2001:db8::1"


# Login throttling ----------------------------------------------------------------------


@pytest.fixture
def behind_front_cache(settings):
    """The shipped production stack: one front cache in front of gunicorn."""
    settings.NUM_PROXIES = 1
    return through_front_cache


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "redaktor@example.com", PASSWORD)


def login(meta, username, password):
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": password}, **meta)
    return response, "_auth_user_id" in client.session


def test_an_attackers_failures_lock_only_the_attacker_not_every_editor(behind_front_cache, editor):
    """The issue's input: 20 failed logins with random names through the proxy used to
    lock every editor out for 15 minutes. The shipped limits (LOGIN_THROTTLE) apply."""
    per_address, _window = settings.LOGIN_THROTTLE["address"]
    guessed = [f"gissning-{secrets.token_hex(4)}" for _ in range(per_address)]
    for name in guessed:
        response, _ = login(behind_front_cache(ATTACKER), name, "fel-losenord")
        assert response.status_code == 200

    blocked, logged_in = login(behind_front_cache(ATTACKER), "redaktor", PASSWORD)
    assert blocked.status_code == 429
    assert THROTTLED in blocked.content.decode()
    assert not logged_in

    response, logged_in = login(behind_front_cache(EDITOR_ADDRESS), "redaktor", PASSWORD)
    assert response.status_code == 302
    assert logged_in


def test_the_accounts_an_attacker_guessed_are_locked_from_everywhere(behind_front_cache, editor):
    per_account, _window = settings.LOGIN_THROTTLE["account"]
    for number in range(per_account):
        login(behind_front_cache(f"203.0.113.{number + 1}"), "redaktor", "fel-losenord")

    response, logged_in = login(behind_front_cache(EDITOR_ADDRESS), "redaktor", PASSWORD)

    assert response.status_code == 429
    assert not logged_in


def test_spoofed_forwarded_entries_do_not_let_an_attacker_evade_the_lock(
    behind_front_cache, editor
):
    per_address, _window = settings.LOGIN_THROTTLE["address"]
    for number in range(per_address):
        meta = behind_front_cache(ATTACKER, spoofed=[f"192.0.2.{number + 1}"])
        login(meta, f"gissning{number}", "fel-losenord")

    meta = behind_front_cache(ATTACKER, spoofed=["192.0.2.250"])
    response, logged_in = login(meta, "redaktor", PASSWORD)

    assert response.status_code == 429
    assert not logged_in


def test_spoofed_forwarded_entries_do_not_frame_another_client(behind_front_cache, editor):
    per_address, _window = settings.LOGIN_THROTTLE["address"]
    for number in range(per_address):
        meta = behind_front_cache(ATTACKER, spoofed=[EDITOR_ADDRESS])
        login(meta, f"gissning{number}", "fel-losenord")

    response, logged_in = login(behind_front_cache(EDITOR_ADDRESS), "redaktor", PASSWORD)

    assert response.status_code == 302
    assert logged_in


def test_behind_a_load_balancer_and_front_cache_the_attacker_alone_is_locked(settings, editor):
    settings.NUM_PROXIES = 2
    per_address, _window = settings.LOGIN_THROTTLE["address"]
    for number in range(per_address):
        meta = through_load_balancer_and_front_cache(ATTACKER, spoofed=[EDITOR_ADDRESS])
        login(meta, f"gissning{number}", "fel-losenord")

    blocked, _ = login(through_load_balancer_and_front_cache(ATTACKER), "redaktor", PASSWORD)
    allowed, logged_in = login(
        through_load_balancer_and_front_cache(EDITOR_ADDRESS), "redaktor", PASSWORD
    )

    assert blocked.status_code == 429
    assert allowed.status_code == 302
    assert logged_in


def test_password_reset_mails_are_limited_per_real_client(behind_front_cache, editor):
    per_address, _window = settings.PASSWORD_RESET_THROTTLE["address"]
    client = Client()
    for number in range(per_address):
        meta = behind_front_cache(ATTACKER, spoofed=[f"192.0.2.{number + 1}"])
        client.post("/admin/password_reset/", {"email": f"ingen{number}@example.com"}, **meta)

    client.post(
        "/admin/password_reset/", {"email": "redaktor@example.com"}, **behind_front_cache(ATTACKER)
    )
    assert mail.outbox == []

    client.post(
        "/admin/password_reset/",
        {"email": "redaktor@example.com"},
        **behind_front_cache(EDITOR_ADDRESS),
    )
    assert len(mail.outbox) == 1


# The feedback form ---------------------------------------------------------------------


@pytest.fixture
def feedback(home):
    return FeedbackFormPageFactory(parent=home, contact=ContactPersonFactory())


def send_feedback(page, meta):
    return Client().post(
        page.url,
        {"synpunkter": "Sökfunktionen hittar inte strategin.", "form_token": form_token(page.url)},
        **meta,
    )


def test_feedback_is_limited_per_real_client_not_for_the_whole_country(
    behind_front_cache, feedback
):
    limit, _period = settings.FEEDBACK_RATE_LIMIT
    for number in range(limit):
        meta = behind_front_cache(ATTACKER, spoofed=[f"192.0.2.{number + 1}"])
        assert send_feedback(feedback, meta).status_code == 200

    assert send_feedback(feedback, behind_front_cache(ATTACKER, ["192.0.2.99"])).status_code == 429
    for visitor in ("198.51.100.1", "198.51.100.2", "2001:db8::5"):
        assert send_feedback(feedback, behind_front_cache(visitor)).status_code == 200
    assert FormSubmission.objects.count() == limit + 3
