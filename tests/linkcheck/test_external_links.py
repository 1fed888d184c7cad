import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from linkcheck.checker import check_urls
from linkcheck.models import ExternalLink
from pages.factories import TopicPageFactory


@pytest.fixture
def fast(settings):
    settings.LINKCHECK_TIMEOUT = 0.5


def test_checker_reads_status_redirect_errors_and_timeouts(http_server, fast):
    results = check_urls(
        [
            f"{http_server}/ok",
            f"{http_server}/flyttad",
            f"{http_server}/saknas",
            f"{http_server}/fel",
            f"{http_server}/langsam",
        ]
    )

    assert results[f"{http_server}/ok"].status_code == 200
    assert not results[f"{http_server}/ok"].is_broken
    moved = results[f"{http_server}/flyttad"]
    assert (moved.status_code, moved.redirect_to) == (301, f"{http_server}/ny-plats")
    assert not moved.is_broken
    assert results[f"{http_server}/saknas"].status_code == 404
    assert results[f"{http_server}/fel"].status_code == 500
    assert results[f"{http_server}/langsam"].error == "Tidsgräns"
    assert all(results[f"{http_server}/{path}"].is_broken for path in ("saknas", "fel", "langsam"))


def test_checker_names_itself_and_respects_robots_txt(http_server, fast, settings):
    results = check_urls([f"{http_server}/privat/sida", f"{http_server}/ok"])

    assert results[f"{http_server}/privat/sida"].error == "robots.txt"
    assert not results[f"{http_server}/privat/sida"].is_broken
    from tests.linkcheck.conftest import Handler

    paths = [path for path, _agent in Handler.requests]
    assert "/privat/sida" not in paths
    assert paths.count("/robots.txt") == 1
    assert {agent for _path, agent in Handler.requests} == {settings.LINKCHECK_USER_AGENT}
    assert settings.LINKCHECK_USER_AGENT.startswith("TillvaxtverketLinkChecker/1.0 (+")


def test_the_network_guard_refuses_other_hosts():
    with pytest.raises(AssertionError, match="network"):
        check_urls(["http://192.0.2.1/"], timeout=0.5)


def _page_with_links(home, base):
    return TopicPageFactory(
        parent=home,
        title="Länksida",
        body=[
            (
                "text",
                {"text": f'<p><a href="{base}/saknas">A</a> <a href="{base}/ok">B</a></p>'},
            ),
            ("external_link", {"url": f"{base}/flyttad", "text": "Flyttad", "description": ""}),
        ],
    )


def test_command_stores_results_and_keeps_first_broken_at(home, http_server, fast):
    page = _page_with_links(home, http_server)

    call_command("check_external_links", stdout=io.StringIO())

    links = {link.url: link for link in ExternalLink.objects.all()}
    assert set(links) == {f"{http_server}/saknas", f"{http_server}/ok", f"{http_server}/flyttad"}
    broken = links[f"{http_server}/saknas"]
    assert broken.status_code == 404 and broken.first_broken_at is not None
    assert list(broken.pages.all()) == [page.page_ptr]
    assert links[f"{http_server}/flyttad"].redirect_to == f"{http_server}/ny-plats"
    assert links[f"{http_server}/ok"].first_broken_at is None

    earlier = timezone.now() - datetime.timedelta(days=9)
    ExternalLink.objects.filter(pk=broken.pk).update(first_broken_at=earlier)
    call_command("check_external_links", "--max-age", "0", stdout=io.StringIO())
    broken.refresh_from_db()
    assert broken.first_broken_at == earlier


def test_results_are_cached_between_runs(home, http_server, fast):
    _page_with_links(home, http_server)
    call_command("check_external_links", stdout=io.StringIO())
    from tests.linkcheck.conftest import Handler

    asked = len(Handler.requests)
    call_command("check_external_links", stdout=io.StringIO())

    assert len(Handler.requests) == asked


def test_report_lists_broken_and_redirected_links_per_page(
    home, http_server, fast, redaktor_client
):
    _page_with_links(home, http_server)
    call_command("check_external_links", stdout=io.StringIO())
    ExternalLink.objects.filter(url__endswith="/saknas").update(
        first_broken_at=timezone.now() - datetime.timedelta(days=12)
    )

    html = redaktor_client.get(reverse("linkcheck:external")).content.decode()

    assert "Länksida" in html
    assert f"{http_server}/saknas" in html and "404" in html
    assert f"301 → {http_server}/ny-plats" in html
    assert "404 →" not in html
    assert ">12<" in html.replace(" ", "").replace("\n", "")
    assert f"{http_server}/ok<" not in html
