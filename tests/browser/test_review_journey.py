"""The web team's whole path, clicked through the admin in Chromium: draft, review, public."""

import datetime

import pytest
from playwright.sync_api import expect

from contacts.factories import ContactPersonFactory
from documents.factories import pdf_bytes
from events.factories import ConferenceIndexPageFactory
from events.models import ConferencePage
from pages.models import TopicPage

from .admin import (
    HeldFormPost,
    assert_no_autosave_during_submit,
    log_in,
    log_out,
    open_editor,
)
from .conftest import browser_db

pytestmark = [pytest.mark.browser, browser_db]

SPEAKERS = [
    ("Anna Berg", "Region Norrbotten"),
    ("Erik Lind", "Luleå tekniska universitet"),
]


def upload_pdf_in_chooser(page, chooser, title, pdf_path):
    """Open a document chooser, upload a new PDF in its "Ladda upp" tab, and pick it."""
    chooser.locator("button.chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Ladda upp").click()
    modal.locator("#id_document-chooser-upload-file").set_input_files(str(pdf_path))
    modal.locator("#id_document-chooser-upload-title").fill(title)
    modal.locator("form button[type=submit]").click()
    expect(modal).to_be_hidden()
    expect(chooser).to_contain_text(title)


def add_speaker(page, index, name, organisation, pdf_path):
    page.locator("#id_speakers-ADD").click()
    page.locator(f"#id_speakers-{index}-name").fill(name)
    page.locator(f"#id_speakers-{index}-organisation").fill(organisation)
    # The presentation chooser offers to upload a new PDF on the spot.
    upload_pdf_in_chooser(
        page,
        page.locator(f"#id_speakers-{index}-presentation-chooser"),
        f"Presentation {name}",
        pdf_path,
    )


def submit_for_review(page, title):
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Skicka till granskning").click()
    expect(page.locator(".messages")).to_contain_text(title)


def approve_and_publish(page, live_server, page_id, title):
    open_editor(page, live_server, page_id)
    held = HeldFormPost(page, page_id)
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Godkänn och publicera").click()
    assert_no_autosave_during_submit(page, held)
    held.release()
    expect(page.locator(".messages")).to_contain_text(title)


def test_redaktor_submits_a_conference_granskare_approves_and_visitors_see_it(
    page, live_server, screenshot, home, team, tmp_path
):
    conferences = ConferenceIndexPageFactory(parent=home)
    pdfs = []
    for name, _organisation in SPEAKERS:
        path = tmp_path / f"{name.replace(' ', '-').lower()}.pdf"
        path.write_bytes(pdf_bytes(f"Presentation {name}", pages=2))
        pdfs.append(path)
    start = datetime.date.today() + datetime.timedelta(days=60)

    # The redaktör writes the conference and sends it for review.
    log_in(page, live_server, "redaktor")
    screenshot("redaktor-dashboard")
    page.goto(f"{live_server.url}/admin/pages/{conferences.pk}/")
    page.get_by_role("link", name="Lägg till undersida").first.click()
    page.locator("#id_title").fill("Smart specialisering 2030")
    page.locator("#id_introduction").fill("En nationell konferens om regional utveckling.")

    page.get_by_role("tab", name="Tid och plats").click()
    page.locator("#id_start").fill(f"{start:%Y-%m-%d} 09:30")
    page.locator("#id_end").fill(f"{start:%Y-%m-%d} 16:00")
    page.locator("#id_venue").fill("Kulturens hus")
    page.locator("#id_city").fill("Luleå")

    page.get_by_role("tab", name="Talare").click()
    for index, ((name, organisation), pdf) in enumerate(zip(SPEAKERS, pdfs, strict=True)):
        add_speaker(page, index, name, organisation, pdf)
    screenshot("redaktor-talare-med-presentationer")

    submit_for_review(page, "Smart specialisering 2030")
    screenshot("redaktor-har-lamnat-in")

    conference = ConferencePage.objects.get(title="Smart specialisering 2030")
    assert not conference.live
    assert conference.workflow_in_progress
    assert [s.name for s in conference.speakers.order_by("sort_order")] == [n for n, _ in SPEAKERS]

    # Not public yet.
    response = page.goto(f"{live_server.url}{conference.url}")
    assert response.status == 404

    # The granskare approves and publishes it.
    log_out(page)
    log_in(page, live_server, "granskare")
    expect(page.get_by_role("region", name="Sidor som väntar på granskning")).to_contain_text(
        "Smart specialisering 2030"
    )
    screenshot("granskare-dashboard")
    approve_and_publish(page, live_server, conference.pk, "Smart specialisering 2030")
    screenshot("granskare-har-godkant")

    conference.refresh_from_db()
    assert conference.live
    assert not conference.has_unpublished_changes
    assert conference.latest_revision_id == conference.live_revision_id

    # A visitor sees it, with speakers in order and their presentations.
    log_out(page)
    page.goto(f"{live_server.url}{conference.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart specialisering 2030")
    speakers = page.locator(".speaker-list > li")
    expect(speakers).to_have_count(len(SPEAKERS))
    saved = conference.speakers.select_related("presentation").order_by("sort_order")
    for item, speaker in zip(speakers.all(), saved, strict=True):
        expect(item).to_contain_text(f"{speaker.name}, {speaker.organisation}")
        link = item.get_by_role("link", name=f"Presentation av {speaker.name}")
        expect(link).to_have_attribute("href", speaker.presentation.url)
        expect(link).to_contain_text("PDF")
        download = page.request.get(f"{live_server.url}{speaker.presentation.url}")
        assert download.ok
        assert download.body().startswith(b"%PDF")
    screenshot("besokare-ser-konferensen")


def test_redaktor_submits_a_topic_page_with_a_document_and_a_contact_card(
    page, live_server, screenshot, home, team, tmp_path
):
    """The issue's "done when": a topic page, written, reviewed and public."""
    contact = ContactPersonFactory(name="Cecilia Johansson")
    pdf = tmp_path / "handlingsplan.pdf"
    pdf.write_bytes(pdf_bytes("Regional handlingsplan", pages=3))

    log_in(page, live_server, "redaktor")
    page.goto(f"{live_server.url}/admin/pages/add/pages/topicpage/{home.pk}/")
    page.locator("#id_title").fill("Regional kapacitet")
    page.locator("#id_introduction").fill("Hur regioner bygger förmåga att växa.")

    body = page.locator("#panel-child-innehall-body-content")
    body.locator(".c-sf-add-button").first.click()
    page.get_by_role("option", name="Dokumentlista").click()
    page.locator("#body-0-value-heading").fill("Läs mer")
    upload_pdf_in_chooser(
        page,
        page.locator("#body-0-value-documents-0-value").locator("xpath=.."),
        "Regional handlingsplan",
        pdf,
    )
    body.locator(".c-sf-add-button:not([data-streamfield-list-add])").last.click()
    page.get_by_role("option", name="Kontaktkort").click()
    contact_chooser = page.locator("#body-1-value-contact").locator("xpath=..")
    contact_chooser.locator("button.chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name="Cecilia Johansson").click()
    expect(modal).to_be_hidden()
    expect(contact_chooser).to_contain_text("Cecilia Johansson")
    screenshot("redaktor-amnessida-med-dokument-och-kontakt")

    submit_for_review(page, "Regional kapacitet")
    topic = TopicPage.objects.get(title="Regional kapacitet")
    assert page.goto(f"{live_server.url}{topic.url}").status == 404

    log_out(page)
    log_in(page, live_server, "granskare")
    approve_and_publish(page, live_server, topic.pk, "Regional kapacitet")

    log_out(page)
    page.goto(f"{live_server.url}{topic.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Regional kapacitet")
    document = topic.specific.body[0].value["documents"][0]
    link = page.get_by_role("link", name="Regional handlingsplan")
    expect(link).to_have_attribute("href", document.url)
    expect(link).to_contain_text("PDF")
    expect(link).to_contain_text("3 sidor")
    card = page.locator(".contact-card")
    expect(card).to_contain_text(contact.name)
    expect(card.locator("a[href^='tel:']")).to_have_count(1)
    screenshot("besokare-ser-amnessidan")
