"""Archivists and editors browse a page's versions and open each as it looked."""

import pytest
from django.test import Client
from django.urls import reverse

from archive.models import Snapshot
from events.models import Speaker

from .conftest import publish


@pytest.fixture
def two_versions(conference, publisher):
    publish(conference, publisher)
    speaker = Speaker.objects.filter(conference=conference).last()
    speaker.name = "Cecilia Johansson"
    speaker.save()
    publish(conference, publisher)
    return list(Snapshot.objects.order_by("captured_at", "pk"))


def test_archivist_lists_a_pages_versions_newest_first(archivist_client, two_versions):
    first, second = two_versions

    response = archivist_client.get(reverse("archive_page_versions", args=(first.page_key,)))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Smart specialisering 2018" in html
    assert html.index(reverse("archive:review", args=(second.pk,))) < html.index(
        reverse("archive:review", args=(first.pk,))
    )
    assert "Greta" in html


def test_archived_copy_is_shown_as_it_looked_with_a_dated_swedish_banner(
    archivist_client, two_versions
):
    first, second = two_versions

    old = archivist_client.get(reverse("archive:review", args=(first.pk,))).content.decode()
    new = archivist_client.get(reverse("archive:review", args=(second.pk,))).content.decode()

    assert "Lina Stanionyte" in old and "Cecilia Johansson" not in old
    assert "Cecilia Johansson" in new
    assert 'lang="sv"' in old and "Arkiverad kopia." in old
    local = first.captured_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Stockholm"))
    assert f"kl. {local:%H.%M}" in old
    assert old.index("archive-banner") < old.index('id="main"')


def test_archived_copy_links_its_documents_and_stylesheet_to_the_archive(
    archivist_client, two_versions
):
    first = two_versions[0]
    html = archivist_client.get(reverse("archive:review", args=(first.pk,))).content.decode()

    for resource in first.resources.all():
        archived_url = reverse("archive:review_file", args=(first.pk, resource.pk))
        assert f'"{archived_url}"' in html, resource.url
        response = archivist_client.get(archived_url)
        assert response.status_code == 200
        assert response.content == resource.blob.read() or resource.kind == "stylesheet"
    assert 'href="/dokument/' not in html


def test_archived_copy_runs_no_script(archivist_client, two_versions):
    response = archivist_client.get(reverse("archive:review", args=(two_versions[0].pk,)))

    assert "script-src 'none'" in response["Content-Security-Policy"]
    assert "noindex" in response["X-Robots-Tag"]


def test_editors_and_reviewers_may_browse_the_archive_other_users_may_not(
    two_versions, django_user_model
):
    from django.contrib.auth.models import Group

    url = reverse("archive:review", args=(two_versions[0].pk,))
    for group in ("Redaktörer", "Granskare", "Arkivarier"):
        user = django_user_model.objects.create_user(f"u-{group}", "", "x" * 12)
        user.groups.add(Group.objects.get(name=group))
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == 200, group
        assert client.get(reverse("archive_index")).status_code == 200, group

    outsider = django_user_model.objects.create_user("outsider", "", "x" * 12)
    client = Client()
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    assert Client().get(url).status_code == 302  # to the login


def test_page_header_offers_the_archived_versions(admin_client, two_versions, conference):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(conference.pk,))).content
    assert reverse("archive_page_versions", args=(conference.pk,)).encode() in html


def test_archive_menu_lists_every_version_in_constant_queries(
    archivist_client, two_versions, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        response = archivist_client.get(reverse("archive_index"))
    assert response.content.decode().count(reverse("archive:review", args=(0,))[:-2]) >= 2


def test_public_view_is_off_by_default(two_versions):
    first = two_versions[0]
    assert Client().get(reverse("archive:public", args=(first.pk,))).status_code == 404
    assert (
        Client().get(reverse("archive:public_versions", args=(first.page_key,))).status_code == 404
    )


def test_public_view_when_switched_on_shows_what_was_published(two_versions, settings):
    settings.ARCHIVE_PUBLIC_VIEW = True
    first = two_versions[0]

    listing = Client().get(reverse("archive:public_versions", args=(first.page_key,)))
    response = Client().get(reverse("archive:public", args=(first.pk,)))

    assert listing.status_code == 200
    assert reverse("archive:public", args=(first.pk,)) in listing.content.decode()
    assert response.status_code == 200
    assert "Arkiverad kopia." in response.content.decode()
    document = first.resources.filter(kind="document").first()
    file_response = Client().get(reverse("archive:public_file", args=(first.pk, document.pk)))
    assert file_response.content == document.blob.read()
