import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from contacts.models import ContactPerson
from core.typography import keep_together_text
from demo import content
from events.models import ConferencePage, Speaker
from pages.models import StrategyDocumentPage, TopicPage

SMART = "/amnesomraden/regional-kapacitet/smart-specialisering/"
CONFERENCE = "/konferenser/smart-specialisering-2018/"
STRATEGY = "/publikationer/tillvaxtverkets-strategi-for-smart-specialisering/"


@pytest.fixture
def demo(demo_content, db, settings):
    settings.ALLOWED_HOSTS = ["*"]


def test_demo_content_can_be_loaded_twice_without_duplicates(demo):
    counts = (
        Page.objects.count(),
        get_document_model().objects.count(),
        ContactPerson.objects.count(),
        Speaker.objects.count(),
    )

    call_command("load_demo_content", stdout=io.StringIO())

    assert (
        Page.objects.count(),
        get_document_model().objects.count(),
        ContactPerson.objects.count(),
        Speaker.objects.count(),
    ) == counts
    assert counts[3] == 2 * 8  # the eight speakers on the Swedish and the English conference


def test_demo_pages_are_public_at_their_addresses(demo, client):
    for url in ("/", SMART, CONFERENCE, STRATEGY):
        response = client.get(url, HTTP_HOST="localhost")
        assert response.status_code == 200, url


def test_smart_specialisation_page_has_every_section_of_the_seed(demo, client):
    html = client.get(SMART, HTTP_HOST="localhost").content.decode()

    for heading in (
        "Konferens den 31 januari om smart specialisering",
        "Vilken EU-region kompletterar er region bäst?",
        "Så här arbetar Tillväxtverket",
        "Kontakt",
    ):
        assert heading in html
    for example in content.WORK_EXAMPLES:
        # Rich text keeps "31 januari" on one line (pages/typography.py).
        assert keep_together_text(example) in html
    assert 'S3 Plattformen <span class="link-meta">(länk till annan webbplats' in html
    assert "Tillväxtverkets strategi för Smart specialisering</span>" in html
    assert "08-681 91 32" in html


def test_demo_conference_has_eight_speakers_in_seed_order_each_with_a_pdf(demo, client):
    conference = ConferencePage.objects.get(slug="smart-specialisering-2018")
    speakers = list(conference.speakers.order_by("sort_order"))

    assert [(s.name, s.organisation) for s in speakers] == content.SPEAKERS
    for speaker in speakers:
        assert speaker.presentation.file_type == "PDF"
        assert speaker.presentation.page_count >= 3
    summary = conference.summary_documents.get().document
    assert summary.language == "en"
    assert conference.city == "Luleå"
    assert conference.start.date().isoformat() == "2018-01-31"


def test_demo_pdfs_open_with_a_title_on_the_first_page(demo):
    strategy = StrategyDocumentPage.objects.get(locale__language_code="sv").document

    with strategy.open_file():
        reader = PdfReader(strategy.file)
        first_page = reader.pages[0].extract_text()

    assert len(reader.pages) >= 3
    assert "Tillväxtverkets strategi för Smart" in first_page
    assert content.STRATEGY_PDF_ONLY_PHRASE in strategy.text


def test_demo_content_builds_the_topic_section(demo):
    smart = TopicPage.objects.get(slug="smart-specialisering")

    assert [p.title for p in smart.get_ancestors()[1:]] == [
        "Tillväxtverket",
        "Ämnesområden",
        "Regional kapacitet",
    ]


def test_demo_accounts_only_exist_where_enabled(db, settings, django_user_model):
    settings.DEMO_ACCOUNTS_ENABLED = False
    call_command("load_demo_content", stdout=io.StringIO())
    assert not django_user_model.objects.filter(username="admin").exists()

    settings.DEMO_ACCOUNTS_ENABLED = True
    call_command("load_demo_content", stdout=io.StringIO())
    assert django_user_model.objects.get(username="admin").is_superuser


def test_make_runs_address_becomes_the_demo_site_and_full_urls_are_printed(db, settings):
    from wagtail.models import Site

    settings.ALLOWED_HOSTS = ["*"]
    output = io.StringIO()

    call_command("load_demo_content", hostname="127.0.0.1", port=8080, stdout=output)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8080)
    printed = output.getvalue()
    for path in ("/", SMART, CONFERENCE, STRATEGY, "/admin/"):
        assert f"  http://127.0.0.1:8080{path}\n" in printed


def test_another_port_moves_the_one_demo_site(demo):
    from wagtail.models import Site

    call_command("load_demo_content", hostname="127.0.0.1", port=8000, stdout=io.StringIO())
    call_command("load_demo_content", hostname="127.0.0.1", port=9000, stdout=io.StringIO())

    assert list(Site.objects.values_list("hostname", "port")) == [("127.0.0.1", 9000)]


@pytest.mark.parametrize("port", [0, -1, 70000])
def test_an_impossible_port_is_refused_and_changes_nothing(db, port):
    from django.core.management.base import CommandError
    from wagtail.models import Site

    before = list(Site.objects.values_list("hostname", "port"))

    with pytest.raises(CommandError, match="portnummer"):
        call_command("load_demo_content", port=port, stdout=io.StringIO())

    assert list(Site.objects.values_list("hostname", "port")) == before


def test_english_demo_conference_links_its_swedish_version_and_english_menu(demo, client):
    html = client.get(
        "/en/conferences/smart-specialisation-2018/", HTTP_HOST="localhost"
    ).content.decode()

    assert 'href="/konferenser/smart-specialisering-2018/" lang="sv" hreflang="sv">Svenska' in html
    assert 'href="/en/conferences/"' in html  # the English main menu
    assert "Summary of the whole conference (English)" in html


def test_loading_again_adds_no_revision_or_snapshot_for_unchanged_pages(demo):
    """`make run` loads the demo at every start (demo/publishing.py): a page whose demo
    content is unchanged, child rows made again included (a conference's speakers), is
    not published again, so the record does not say it was."""
    from archive.models import Snapshot

    unchanged = list(TopicPage.objects.all()) + list(ConferencePage.objects.all())
    keys = [page.pk for page in unchanged]
    before = (
        Revision.page_revisions.filter(object_id__in=[str(key) for key in keys]).count(),
        Snapshot.objects.filter(page_key__in=keys).count(),
    )

    call_command("load_demo_content", stdout=io.StringIO())

    assert (
        Revision.page_revisions.filter(object_id__in=[str(key) for key in keys]).count(),
        Snapshot.objects.filter(page_key__in=keys).count(),
    ) == before
    assert Speaker.objects.count() == 2 * 8


def test_loading_again_publishes_demo_content_that_changed(demo, client):
    """A demo page last saved by the loader (no editor) with other content than the demo
    has now is brought up to date and published, with a snapshot of the new version."""
    from archive.models import Snapshot

    smart = TopicPage.objects.get(
        url_path__endswith="/smart-specialisering/", locale__language_code="sv"
    )
    smart.introduction = "En äldre demotext."
    smart.save_revision().publish()
    snapshots = Snapshot.objects.filter(page_key=smart.pk).count()

    call_command("load_demo_content", stdout=io.StringIO())

    smart.refresh_from_db()
    assert smart.introduction == content.INTRO
    assert Snapshot.objects.filter(page_key=smart.pk).count() == snapshots + 1
    assert "En äldre demotext." not in client.get(SMART, HTTP_HOST="localhost").content.decode()
