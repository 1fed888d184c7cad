from pages.factories import DocumentFactory
from pages.richtext import render_rich_text


def test_document_link_in_rich_text_shows_type_size_and_pages(db):
    document = DocumentFactory(title="Strategi", pages=4)
    html = render_rich_text(f'<p>Läs <a linktype="document" id="{document.pk}">strategin</a>.</p>')

    assert f'href="{document.url}"' in html
    assert f"(PDF, {document.description.split(', ')[1]}, 4 sidor)" in html


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
