"""What a new user tries after `make run`: the demo content, searched."""

import pytest
from django.db import connection

from demo.content import CONFERENCE, STRATEGY, STRATEGY_PDF_ONLY_PHRASE


@pytest.fixture
def demo(demo_content, db):
    """The demo site, loaded once for the module (tests/conftest.py)."""


def test_searching_konferenser_finds_the_2018_conference(client, demo):
    html = client.get("/sok/", {"q": "konferenser"}).content.decode()

    assert CONFERENCE["title"] in html
    assert f"/{CONFERENCE['slug']}/" in html


def test_phrase_only_in_the_strategy_pdf_finds_the_strategy_page(client, demo):
    html = client.get("/sok/", {"q": STRATEGY_PDF_ONLY_PHRASE}).content.decode()

    assert f'/{STRATEGY["slug"]}/"' in html
    assert "<mark>upptäcktsprocess</mark>" in html


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Swedish stemming is PostgreSQL full-text search"
)
def test_postgresql_index_holds_swedish_stems(demo):
    """The index is built with the "swedish" configuration: words are stored as stems."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT body::text FROM wagtailsearch_indexentry WHERE title::text LIKE %s",
            ["%specialisering%"],
        )
        bodies = " ".join(row[0] for row in cursor.fetchall())

    assert "'konferens'" in bodies  # "konferensen" in the conference's introduction
    assert "'konferensen'" not in bodies


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Swedish stemming is PostgreSQL full-text search"
)
def test_postgresql_finds_inflected_forms_through_stemming(client, demo):
    """ "konferensens" (genitive) finds "konferensen" with the Swedish configuration."""
    html = client.get("/sok/", {"q": "konferensens"}).content.decode()

    assert CONFERENCE["title"] in html
