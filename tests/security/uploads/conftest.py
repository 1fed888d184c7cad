"""What MEDIA_ROOT held before an upload test, to show a refused upload left nothing."""

import pytest

from tests.security.uploads.upload_files import files_in_media


@pytest.fixture
def media_before(db):
    return files_in_media()
