"""Guessing the URL of a private page or document, or replaying a cache validator, gives a
login redirect, never the content; members of the group get it, others do not."""

import pytest

from tests.security.privacy.private_site import SECRET

# Guessing URLs and replaying cache validators ----------------------------------------


@pytest.mark.parametrize(
    "private", ["login_topic", "group_subtopic", "below_private", "private_conference"]
)
def test_guessing_a_private_page_url_gives_a_login_redirect(client, site, private):
    page = getattr(site, private)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=")
    assert SECRET not in response.content.decode()


def test_a_logged_in_user_outside_the_group_is_not_let_in(client, site, django_user_model):
    outsider = django_user_model.objects.create_user("utomstaende", "u@example.com", "x")
    client.force_login(outsider)

    response = client.get(site.private_conference.url)

    assert response.status_code == 302
    assert SECRET not in response.content.decode()


def test_guessing_a_private_document_url_gives_a_login_redirect_not_the_file(client, site):
    response = client.get(site.private_document.url)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not response.get("Content-Disposition")
    assert b"%PDF" not in response.content


def test_private_document_file_is_not_served_from_the_media_folder(client, site):
    response = client.get(site.private_document.file.url)

    assert response.status_code == 404


def test_group_member_downloads_the_private_document(client, site, django_user_model):
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(site.staff)
    client.force_login(member)

    response = client.get(site.private_document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_cache_validators_do_not_open_a_private_document(client, site):
    etag = f'"{site.private_document.file_hash}"'
    for headers in (
        {"HTTP_IF_NONE_MATCH": etag},
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 2099 00:00:00 GMT"},
    ):
        response = client.get(site.private_document.url, **headers)

        assert response.status_code == 302, headers
        assert "ETag" not in response
        assert b"%PDF" not in response.content


@pytest.mark.parametrize("private", ["login_topic", "private_conference"])
def test_cache_validators_do_not_open_a_private_page(client, site, private):
    page = getattr(site, private)
    for headers in (
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 2099 00:00:00 GMT"},
    ):
        response = client.get(page.url, **headers)

        assert response.status_code == 302, headers
        assert SECRET not in response.content.decode()
