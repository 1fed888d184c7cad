"""Content-Language and <html lang> carry the canonical code of the language the answer
is in ("en", "sv"; RFC 9110 section 8.5, BCP 47), whatever the address's spelling of
its language prefix (core/i18n.py language_from_path)."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "language"),
    [
        ("/EN/", "en"),
        ("/En/foo/", "en"),
        ("/eN/sok/", "en"),
        ("/en-GB/", "en"),
        ("/EN-gb/finns-inte/", "en"),
        ("/SV/", "sv"),
        ("/Sv/foo/", "sv"),
        ("/sv/", "sv"),
        ("/en/finns-inte/", "en"),
        ("/finns-inte/", "sv"),
    ],
)
def test_a_missing_address_says_its_language_canonically(client, bilingual, url, language):
    response = client.get(url)
    html = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 404
    assert response["Content-Language"] == language
    assert html.html["lang"] == language


@pytest.mark.parametrize(("url", "language"), [("/en/", "en"), ("/", "sv"), ("/en/sok/", "en")])
def test_found_pages_keep_their_language(client, bilingual, url, language):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == language


@pytest.mark.parametrize("method", ["put", "options"])
def test_other_methods_on_a_variant_spelling_say_the_canonical_code(client, bilingual, method):
    response = getattr(client, method)("/EN/sok/")

    assert response["Content-Language"] == "en"
