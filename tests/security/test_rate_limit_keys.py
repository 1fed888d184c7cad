"""Rate-limit and login-throttle counters are keyed by a keyed hash of the client's
address, never by the address (core.ratelimit.pseudonymous_address; GDPR 5(1)(c))."""

import pytest
from django.test import RequestFactory

from core import ratelimit
from editorial import login_throttle

ADDRESSES = ["192.0.2.10", "198.51.100.200", "2001:db8::17"]


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.fixture
def counted_keys(monkeypatch):
    keys = []
    real_hit = ratelimit.hit

    def recording_hit(key, window):
        keys.append(key)
        return real_hit(key, window)

    monkeypatch.setattr(ratelimit, "hit", recording_hit)
    return keys


@pytest.mark.parametrize("address", ADDRESSES)
def test_no_counter_key_holds_the_clients_address(counted_keys, address):
    request = request_from(address)

    ratelimit.allow("feedback", request, 5, 3600)
    login_throttle.record_failure(request, "redaktor")
    login_throttle.allow_password_reset_mail(request, "redaktor@example.se")

    assert len(counted_keys) == 5
    assert not [key for key in counted_keys if address in key]
    pseudonym = ratelimit.pseudonymous_address(request)
    assert [key for key in counted_keys if key.endswith(pseudonym)] == [
        f"ratelimit:feedback:{pseudonym}",
        f"login-failures:address:{pseudonym}",
        f"password-resets:address:{pseudonym}",
    ]


def test_one_client_one_pseudonym_another_client_another(settings):
    first, second = (ratelimit.pseudonymous_address(request_from(a)) for a in ADDRESSES[:2])

    assert first == ratelimit.pseudonymous_address(request_from(ADDRESSES[0]))
    assert first != second
    assert len(first) == 32
    # The same IPv6 client written two ways is one client.
    assert ratelimit.pseudonymous_address(
        request_from("2001:db8:0:0:0:0:0:17")
    ) == ratelimit.pseudonymous_address(request_from("2001:db8::17"))


def test_the_pseudonym_depends_on_the_secret_key(settings):
    before = ratelimit.pseudonymous_address(request_from(ADDRESSES[0]))
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"

    assert ratelimit.pseudonymous_address(request_from(ADDRESSES[0])) != before


def test_an_unknown_address_has_no_pseudonym():
    assert ratelimit.pseudonymous_address(request_from("not an address")) == ""
