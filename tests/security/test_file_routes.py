"""Every route that serves files keeps to its own folder, however the path is written.

The issue's input: with SERVE_IMAGES (what `make serve-prod` sets),
``/media/images/../documents/<file>.pdf`` answered 200 with a document from a
login-restricted collection; under DEBUG all of MEDIA_ROOT was served. A document's
bytes are reachable only through the permission-checked document view (/dokument/).
"""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from documents.factories import pdf_bytes

SETTINGS_FILE = Path(settings.BASE_DIR) / "agency" / "settings" / "base.py"


def traversals(prefix, target):
    """``target`` (relative to the folder above ``prefix``'s) reached from ``prefix``
    in the ways a path can be written: plain, percent-encoded, double-encoded,
    backslashes, mixed and absolute."""
    encoded = target.replace("/", "%2f")
    return [
        f"{prefix}../{target}",
        f"{prefix}./../{target}",
        f"{prefix}%2e%2e/{target}",
        f"{prefix}%2E%2E/{target}",
        f"{prefix}..%2f{target}",
        f"{prefix}%2e%2e%2f{encoded}",
        f"{prefix}..%5c{target}",
        f"{prefix}..\\{target}",
        f"{prefix}..\\{target.replace('/', chr(92))}",
        f"{prefix}%252e%252e%252f{target}",
        f"{prefix}%c0%ae%c0%ae/{target}",
        f"{prefix}x/../../{target}",
        f"{prefix}/{Path(settings.MEDIA_ROOT, target)}",
        f"{prefix}{target}%00.png",
    ]


@pytest.fixture
def private_document(db):
    """A PDF in a collection only a group may see."""
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Ledningen")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Ledningsgruppen"))
    document = get_document_model()(title="Hemlig budget", collection=collection)
    document.file.save("hemlig-budget.pdf", ContentFile(pdf_bytes("Hemlig budget")), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.fixture
def rendition(db):
    """An image rendition in MEDIA_ROOT/images/, which the image route must still serve."""
    from wagtail_factories import ImageFactory

    return ImageFactory(title="Foto").get_rendition("width-100")


@pytest.fixture
def urls_with(settings):
    """Reload the root URLconf under the given settings (DEBUG, SERVE_IMAGES), as the
    server would start with them; put the shipped one back afterwards."""
    import agency.urls

    def load(**values):
        for name, value in values.items():
            setattr(settings, name, value)
        importlib.reload(agency.urls)
        clear_url_caches()

    yield load
    settings.DEBUG = False
    settings.SERVE_IMAGES = False
    importlib.reload(agency.urls)
    clear_url_caches()


def assert_not_served(client, url, file_start=b"%PDF"):
    """Not the file: no success, and no body that starts like it (debug pages under
    DEBUG list settings and paths, so only the file's own bytes are looked for)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code in (301, 302, 400, 404), (url, response.status_code)
    assert not body.startswith(file_start), url


MODES = [
    pytest.param({"SERVE_IMAGES": True}, id="serve-prod"),
    pytest.param({"DEBUG": True}, id="development"),
]


@pytest.mark.parametrize("mode", MODES)
def test_image_route_serves_no_document_however_the_path_is_written(
    client, private_document, urls_with, mode
):
    urls_with(**mode)
    for url in traversals("/media/images/", private_document.file.name):
        assert_not_served(client, url)


@pytest.mark.parametrize("mode", MODES)
def test_document_files_are_not_served_from_the_media_folder(
    client, private_document, urls_with, mode
):
    urls_with(**mode)

    assert_not_served(client, private_document.file.url)
    assert_not_served(client, f"/media/{private_document.file.name}")
    assert_not_served(client, "/media/original_images/")


@pytest.mark.parametrize("mode", MODES)
def test_image_route_still_serves_renditions(client, rendition, urls_with, mode):
    urls_with(**mode)

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize("mode", [*MODES, pytest.param({}, id="shipped")])
def test_static_route_serves_nothing_outside_the_static_files(
    client, private_document, urls_with, mode
):
    urls_with(**mode)
    for url in [
        *traversals("/static/", f"media/{private_document.file.name}"),
        *traversals("/static/", "agency/settings/base.py"),
        *traversals("/static/css/", "../agency/settings/base.py"),
    ]:
        assert_not_served(client, url, file_start=SETTINGS_FILE.read_bytes()[:40])


@pytest.mark.parametrize("mode", [*MODES, pytest.param({}, id="shipped")])
def test_document_view_gives_a_private_document_to_nobody_outside_the_group(
    client, private_document, urls_with, mode
):
    urls_with(**mode)
    base = f"/dokument/{private_document.pk}/"
    for url in [
        private_document.url,
        *traversals(base, private_document.filename),
        f"{base}..%2f{private_document.filename}",
        f"/dokument/{private_document.pk}/../{private_document.pk}/{private_document.filename}",
    ]:
        assert_not_served(client, url)


def test_a_group_member_still_gets_the_document_through_the_document_view(
    client, private_document, django_user_model
):
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(Group.objects.get(name="Ledningsgruppen"))
    client.force_login(member)

    response = client.get(private_document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
