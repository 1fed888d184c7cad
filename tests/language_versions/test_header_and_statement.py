"""The header's "Lättläst" and "Teckenspråk" entries and the accessibility statement."""

import pytest

from language_versions.factories import (
    EasyReadIndexPageFactory,
    SignLanguageIndexPageFactory,
)
from pages.factories import AccessibilityStatementPageFactory

pytestmark = pytest.mark.django_db


def header_of(html):
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def test_header_links_to_both_index_pages_with_their_names(client, home):
    EasyReadIndexPageFactory(parent=home)
    SignLanguageIndexPageFactory(parent=home)

    header = header_of(client.get(home.url).content.decode())

    assert 'href="/lattlast/" hreflang="sv">' in header
    assert 'href="/teckensprak/" hreflang="sv">' in header
    assert 'alt="" width="28" height="28">Lättläst</a>' in header
    assert 'alt="" width="28" height="28">Teckenspråk</a>' in header


def test_header_leaves_out_an_entry_without_a_live_index_page(client, home):
    EasyReadIndexPageFactory(parent=home)
    sign_language = SignLanguageIndexPageFactory(parent=home)
    sign_language.unpublish()

    header = header_of(client.get(home.url).content.decode())

    assert 'href="/lattlast/"' in header
    assert "Teckenspråk" not in header


def test_accessibility_statement_links_easy_read_and_sign_language(client, home):
    EasyReadIndexPageFactory(parent=home)
    SignLanguageIndexPageFactory(parent=home)
    statement = AccessibilityStatementPageFactory(parent=home)

    html = client.get(statement.url).content.decode()
    main = html[html.index("<main") :]

    assert "Lättläst och teckenspråk</h2>" in main
    assert '<a href="/lattlast/">Texter på lättläst svenska</a>' in main
    assert '<a href="/teckensprak/">Filmer på svenskt teckenspråk</a>' in main
