import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from pages.factories import HomePageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rate-limit counters (the feedback form
    allows a few posts per address) must not carry over from one test to the next."""
    cache.clear()


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
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "admin", "admin@example.com", "correct-horse-battery"
    )
    client.force_login(user)
    client.user = user
    return client
