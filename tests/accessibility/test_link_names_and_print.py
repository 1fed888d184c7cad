"""What a screen reader says for document and external links, and what a printer gets.

Accessible names are read from Chromium's accessibility tree (Playwright's role
locators and ARIA snapshots), which is what assistive technology is given."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SIZE = r"[\d,]+ [kM]B"


def test_document_links_name_type_size_pages_and_language(a11y_site, open_page):
    page = open_page(a11y_site("amnessida"))
    strategy = page.get_by_role(
        "link",
        name=re.compile(
            rf"^Tillväxtverkets strategi för Smart specialisering \(PDF, {SIZE}, 4 sidor\)$"
        ),
    )
    expect(strategy).to_have_count(1)
    # A document in another language says so, and marks the title's language.
    summary = page.get_by_role(
        "link",
        name=re.compile(
            rf"^Engelsk sammanfattning av hela konferensen \(PDF, {SIZE}, 3 sidor, på engelska\)$"
        ),
    )
    expect(summary).to_have_attribute("hreflang", "en")
    # The link text is the editor's Swedish words, so nothing in it is marked English;
    # hreflang and "på engelska" say what the file is in.
    expect(summary.locator("[lang]")).to_have_count(0)
    presentations = page.get_by_role(
        "link", name=re.compile(rf"^Presentation av .+ \(PDF, {SIZE}, 3 sidor\)$")
    )
    expect(presentations).to_have_count(8)


def test_external_link_name_warns_of_other_site_and_new_window(a11y_site, open_page):
    page = open_page(a11y_site("amnessida"))
    link = page.get_by_role(
        "link",
        name="S3 Plattformen (länk till annan webbplats, öppnas i nytt fönster)",
        exact=True,
    )
    expect(link).to_have_attribute("target", "_blank")
    # Every link that opens a new window says so in its name.
    for other in page.locator("a[target=_blank]").all():
        expect(other).to_have_accessible_name(re.compile(r"öppnas i nytt fönster"))


def test_aria_snapshot_of_strategy_page_reads_document_details(a11y_site, open_page):
    page = open_page(a11y_site("strategi"))
    snapshot = page.locator("main").aria_snapshot()
    assert re.search(
        rf'link "Tillväxtverkets strategi för Smart specialisering \(PDF, {SIZE}, 4 sidor\)"',
        snapshot,
    ), snapshot
    assert 'heading "Tillväxtverkets strategi för Smart specialisering" [level=1]' in snapshot


def test_calendar_and_vcard_links_say_what_they_give(a11y_site, open_page):
    page = open_page(a11y_site("konferens-kommande"))
    expect(page.get_by_role("link", name=re.compile(r"kalender.*iCalendar"))).to_have_count(1)
    page = open_page(a11y_site("strategi"))
    expect(page.get_by_role("link", name=re.compile(r"kontakter.*vCard"))).to_have_count(1)


PRINT_STATE = """() => {
    const hidden = (selector) => [...document.querySelectorAll(selector)]
        .every((el) => getComputedStyle(el).display === 'none');
    const after = (selector) => [...document.querySelectorAll(selector)]
        .map((el) => getComputedStyle(el, '::after').content);
    return {
        header: hidden('.site-header'),
        breadcrumb: hidden('.breadcrumb'),
        footer: hidden('.site-footer'),
        skip: hidden('.skip-link'),
        documentUrls: after('main .document-link'),
        externalUrls: after('main .external-link'),
    };
}"""


def look_at_pdf(pdf_path):
    """Render the first pages as PNG next to the PDF, for people to look at."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-l", "3", str(pdf_path), str(pdf_path.with_suffix(""))],
        check=True,
    )
    return sorted(pdf_path.parent.glob(f"{pdf_path.stem}-*.png"))


@pytest.mark.parametrize(
    "name", ["konferens-tidigare", "strategi", "amnessida"], ids=["konferens", "strategi", "amne"]
)
def test_printout_drops_site_chrome_and_shows_link_addresses(a11y_site, open_page, name):
    page = open_page(a11y_site(name))
    page.emulate_media(media="print")
    state = page.evaluate(PRINT_STATE)

    assert state["header"] and state["breadcrumb"] and state["footer"] and state["skip"], state
    assert state["documentUrls"], "no document links on the page"
    for content in state["documentUrls"] + state["externalUrls"]:
        assert re.search(r"(/dokument/|https?://)", content), content

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf_path = ARTIFACTS / f"a11y-utskrift-{name}.pdf"
    page.pdf(path=str(pdf_path), format="A4", print_background=False)
    # The first page starts with the page's own heading, not with navigation.
    text = subprocess.run(
        ["pdftotext", "-l", "1", str(pdf_path), "-"], check=True, capture_output=True, text=True
    ).stdout
    heading = page.get_by_role("heading", level=1).inner_text()
    first_words = " ".join(text.split()[: len(heading.split())])
    assert first_words == " ".join(heading.split()), text[:300]
    assert "Gå direkt till innehållet" not in text and "Kontakta oss" not in text
    assert look_at_pdf(pdf_path)


def test_a_link_to_a_page_a_visitor_cannot_open_looks_like_the_text_around_it(open_page):
    """Rich text keeps a link to an unpublished, deleted or restricted page (or a hidden
    document) as an ``<a>`` without ``href`` (core/richtext.py): it was link-blue,
    looking clickable but going nowhere. With the site's stylesheet it reads as the
    surrounding text; real links stay link-coloured."""
    from pathlib import Path

    from django.conf import settings

    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    page = open_page()
    page.set_content(
        f"<style>{css}</style><main><p id='p'>Läs <a id='gone'>till A</a> och "
        "<a id='real' href='#x'>till B</a>.</p></main>"
    )
    style = page.evaluate(
        """() => Object.fromEntries(['p', 'gone', 'real'].map((id) => {
            const s = getComputedStyle(document.getElementById(id));
            return [id, [s.color, s.textDecorationLine]];
        }))"""
    )
    assert style["gone"] == style["p"], style
    assert style["real"][0] != style["p"][0], style
