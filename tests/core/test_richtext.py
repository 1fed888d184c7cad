import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core.richtext import render_rich_text
from core.typography import keep_together_text
from documents.factories import DocumentFactory
from pages.factories import TopicPageFactory


def test_document_link_in_rich_text_shows_type_size_and_pages(db):
    document = DocumentFactory(title="Strategi", pages=4)
    html = render_rich_text(f'<p>Läs <a linktype="document" id="{document.pk}">strategin</a>.</p>')

    assert f'href="{document.url}"' in html
    assert f"(PDF, {document.description.split(', ')[1]}, 4\xa0sidor)" in html


def test_english_document_link_in_rich_text_has_hreflang_and_language(db):
    document = DocumentFactory(language="en")
    html = render_rich_text(f'<p><a linktype="document" id="{document.pk}">Summary</a></p>')

    assert 'hreflang="en"' in html
    assert "på engelska)" in html


def test_external_link_in_rich_text_says_it_opens_another_site_in_new_window():
    html = render_rich_text('<p><a href="https://s3platform.jrc.ec.europa.eu/">S3</a></p>')

    assert 'target="_blank"' in html
    assert 'rel="noopener noreferrer"' in html
    assert "länk till annan webbplats, öppnas i nytt fönster" in html


def test_internal_and_mail_links_are_left_alone():
    html = render_rich_text('<p><a href="/konferenser/">K</a> <a href="mailto:a@b.se">M</a></p>')

    assert "target" not in html
    assert "annan webbplats" not in html


def test_link_to_deleted_document_renders_without_error(db):
    html = render_rich_text('<p><a linktype="document" id="999999">Borta</a></p>')

    assert "Borta" in html


def _queries_to_render(html):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        render_rich_text(html)
    return len(queries)


def _document_links(documents):
    return "".join(
        f'<p><a linktype="document" id="{document.pk}">{document.title}</a></p>'
        for document in documents
    )


@pytest.mark.parametrize("restricted", [False, True], ids=["open", "restricted collection"])
def test_document_links_cost_the_same_queries_for_5_and_50_links(db, restricted):
    """Collections' visibility is read once per render, not once per link (issue 10: 5 links
    cost 6 queries, 16 with one restricted collection)."""
    root = Collection.get_first_root_node()
    closed = root.add_child(name="Internt")
    if restricted:
        CollectionViewRestriction.objects.create(
            collection=closed, restriction_type=CollectionViewRestriction.LOGIN
        )
    documents = [
        DocumentFactory(title=f"Dokument {n}", collection=closed if n % 2 else root)
        for n in range(50)
    ]

    five = _queries_to_render(_document_links(documents[:5]))
    fifty = _queries_to_render(_document_links(documents))

    assert five == fifty <= 2
    html = render_rich_text(_document_links(documents[:2]))
    assert f'href="{documents[0].url}"' in html
    assert (f'href="{documents[1].url}"' in html) is not restricted


def test_page_links_cost_the_same_queries_for_5_and_50_links(home):
    pages = [TopicPageFactory(parent=home, title=f"Sida {n}") for n in range(50)]
    PageViewRestriction.objects.create(page=pages[1], restriction_type=PageViewRestriction.LOGIN)

    def links(pages):
        return "".join(
            f'<p><a linktype="page" id="{page.pk}">{page.title}</a></p>' for page in pages
        )

    render_rich_text(links(pages[:1]))  # site root paths are cached, as on any visited site
    five = _queries_to_render(links(pages[:5]))
    fifty = _queries_to_render(links(pages))

    assert five == fifty <= 2
    html = render_rich_text(links(pages[:2]))
    assert f'<a href="{pages[0].url}">Sida 0</a>' in html
    assert "<a>Sida 1</a>" in html


def test_notice_goes_inside_its_own_link_only(db):
    document = DocumentFactory(title="Rapport")
    html = render_rich_text(
        '<p><a href="https://example.org/a">A</a> och <a href="/intern/">B</a> och '
        f'<a linktype="document" id="{document.pk}"><b>C</b></a></p>'
    )

    assert 'rel="noopener noreferrer" class="external-link"' not in html  # one attribute order
    assert '>A <span class="link-meta">(länk till annan webbplats' in html
    assert '<a href="/intern/">B</a>' in html
    description = keep_together_text(document.description)
    assert f'<b>C</b> <span class="link-meta">({description})</span></a>' in html
    assert "data-link-notice" not in html
