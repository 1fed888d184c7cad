"""Production's static files storage (core/static_storage.py) gives the addresses Django's
ManifestStaticFilesStorage gives, worked out once."""

import json

import pytest
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

from core.static_storage import StaticFilesStorage


@pytest.fixture
def manifest(tmp_path):
    (tmp_path / "staticfiles.json").write_text(
        json.dumps(
            {
                "version": "1.1",
                "paths": {"css/site.css": "css/site.0123456789ab.css"},
                "hash": "abc",
            }
        )
    )
    return tmp_path


def test_static_addresses_are_djangos_and_stay_the_same(manifest, settings):
    settings.DEBUG = False
    ours = StaticFilesStorage(location=manifest, base_url="/static/")
    djangos = ManifestStaticFilesStorage(location=manifest, base_url="/static/")

    first, again = ours.url("css/site.css"), ours.url("css/site.css")

    assert first == again == djangos.url("css/site.css") == "/static/css/site.0123456789ab.css"


def test_a_file_missing_from_the_manifest_is_refused_every_time(manifest, settings):
    settings.DEBUG = False
    storage = StaticFilesStorage(location=manifest, base_url="/static/")

    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/finns-inte.css")
