"""Releases in one shared cache (agency/release.py): a node never reads what a node of
another release kept there, while sessions, throttles, claimed form tokens and the site's
generation are one for every release. A release change is simulated by changing the
RELEASE_ID setting between requests, as a node of the next release would have it."""

import pickle
import sys

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from agency.release import SHARED_KEY_PREFIXES
from core import structure_cache
from feedback.factories import FeedbackFormPageFactory
from pages.factories import TopicPageFactory
from tests.feedback.test_invisible_text import form_token

OLD, NEW = "release-a", "release-b"


class OldShape:
    """A class an earlier release kept in the cache and this one no longer has."""


def entries_of(release):
    """The raw keys of the test cache (local memory) written under `release`."""
    return [key for key in cache._cache if f":{release}:" in key]


def text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_entries_another_release_wrote_are_never_read(client, home, settings, monkeypatch):
    topic = TopicPageFactory(parent=home, title="Regional utveckling")
    settings.RELEASE_ID = OLD
    text(client, topic)
    kept = entries_of(OLD)
    assert kept  # the route, the menu, the rendered fragments...
    for key in kept:
        cache._cache[key] = pickle.dumps(OldShape())
    monkeypatch.delattr(sys.modules[__name__], "OldShape")  # the class renamed by a deploy
    # What a node reading them would meet: the production fault.
    with pytest.raises(AttributeError, match="OldShape"):
        client.get(topic.url)

    settings.RELEASE_ID = NEW

    assert "Regional utveckling" in text(client, topic)
    assert entries_of(NEW)


def test_a_change_published_on_a_node_of_one_release_shows_on_the_others(client, home, settings):
    topic = TopicPageFactory(parent=home, introduction="Före.")
    settings.RELEASE_ID = NEW
    assert "Före." in text(client, topic)

    settings.RELEASE_ID = OLD  # an editor on a node not yet updated
    topic.introduction = "Efter."
    topic.save_revision().publish()

    settings.RELEASE_ID = NEW
    assert "Efter." in text(client, topic)


def test_a_deploy_keeps_editors_logged_in_and_a_logout_ends_the_session_everywhere(
    settings, django_user_model, db
):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # as in production
    user = django_user_model.objects.create_superuser("redaktor", "r@example.com", "pw-1234567")
    client = Client()
    settings.RELEASE_ID = OLD
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value

    settings.RELEASE_ID = NEW
    assert client.get("/admin/").status_code == 200

    settings.RELEASE_ID = OLD
    client.post("/admin/logout/")
    # The same cookie again (another tab, or a copy someone took), on a node of the new
    # release that read the session from the cache a moment ago.
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    settings.RELEASE_ID = NEW
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_form_loaded_before_a_deploy_is_taken_after_it_and_only_once(client, home, settings):
    page = FeedbackFormPageFactory(
        parent=home, fields=[("Synpunkter", "multiline", True)], to_address="a@example.se"
    )
    settings.RELEASE_ID = OLD
    token = form_token(client, page)

    settings.RELEASE_ID = NEW
    first = client.post(page.url, {"form_token": token, "synpunkter": "Bra sida."})
    settings.RELEASE_ID = OLD  # sent again, to a node not yet updated
    again = client.post(page.url, {"form_token": token, "synpunkter": "Bra sida."})

    assert "Tack för dina synpunkter!" in first.content.decode()
    assert "Tack för dina synpunkter!" in again.content.decode()
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_deploy_gives_no_new_login_attempts(client, settings, django_user_model):
    settings.LOGIN_THROTTLE = {"account": (3, 600), "address": (6, 600)}
    django_user_model.objects.create_superuser("redaktor", "r@example.com", "pw-1234567")
    settings.RELEASE_ID = OLD
    for _ in range(3):
        client.post("/admin/login/", {"username": "redaktor", "password": "fel"})

    settings.RELEASE_ID = NEW
    response = client.post("/admin/login/", {"username": "redaktor", "password": "pw-1234567"})

    assert "För många misslyckade inloggningar" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_keys_of_state_that_outlives_a_deploy_are_shared_by_every_release(rf):
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX as SESSIONS
    from wagtail.contrib.redirects.tmp_storages import CacheStorage

    from core import form_protection, ratelimit
    from page_feedback import votes
    from search.ranking import SEARCH_GENERATION_KEY

    request = rf.get("/", REMOTE_ADDR="192.0.2.10")
    keys = [
        SESSIONS + "abc",
        ratelimit._key("feedback", request),
        form_protection._used_key("token"),
        votes.visitor_key(request, 1),
        structure_cache.GENERATION_KEY,
        SEARCH_GENERATION_KEY,
        CacheStorage.CACHE_PREFIX + "upload",
    ]
    for key in keys:
        assert key.startswith(SHARED_KEY_PREFIXES), key
        assert cache.make_key(key) == f":1:{key}"  # as before releases were in keys


class CountingCache(LocMemCache):
    """The test cache, recording each call a page view makes, which would be one round trip
    to Redis (not the calls local memory makes to itself: its get_many calls get)."""

    calls = []
    depth = 0

    def _recorded(name):  # noqa: N805
        def method(self, key, *args, **kwargs):
            if not CountingCache.depth:
                CountingCache.calls.append((name, key))
            CountingCache.depth += 1
            try:
                return getattr(LocMemCache, name)(self, key, *args, **kwargs)
            finally:
                CountingCache.depth -= 1

        return method

    get, get_many, set, add, delete = map(_recorded, ("get", "get_many", "set", "add", "delete"))


@pytest.mark.parametrize("key_function", ["agency.release.cache_key", None])
def test_a_warm_page_view_reads_the_cache_as_often_with_releases_as_without(
    client, home, settings, key_function
):
    settings.CACHES = {
        "default": {"BACKEND": f"{__name__}.CountingCache", "KEY_FUNCTION": key_function}
    }
    topic = TopicPageFactory(parent=home, title="Regional utveckling")
    text(client, topic)
    CountingCache.calls.clear()

    text(client, topic)

    # Three round trips: the generation with the site (structure_cache.first_read), the
    # page's route, the four rendered fragments.
    site = "agency:structure:site:testserver:80:sv"
    assert CountingCache.calls[0] == ("get_many", [structure_cache.GENERATION_KEY, site])
    assert [name for name, _key in CountingCache.calls] == ["get_many", "get", "get_many"]
