"""The privacy tests' site: public and private items side by side (private_site.py)."""

import pytest

from tests.security.privacy.private_site import PrivateSite


@pytest.fixture
def site(home):
    return PrivateSite(home)
