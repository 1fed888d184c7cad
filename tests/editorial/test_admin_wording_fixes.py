"""Swedish that Wagtail's own catalogue gets wrong on an editor's main paths, corrected in
our locale/sv (LOCALE_PATHS comes first): the submit button said "Lämna in till
Granskning" (a capital mid-sentence), the form builder offered "Dropdown" and "Siffra",
the unschedule dialog asked whether to "radera" (delete) the version, and other
messages had the wrong word, gender or a typo. The screens are rendered as the
redaktör and the granskare see them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from feedback.models import FeedbackFormPage
from pages.models import TopicPage
from tests.editorial.english_words import screen_html, visible_text

pytestmark = pytest.mark.django_db


def test_the_submit_button_says_skicka_till_granskning_in_sentence_case(demo, redaktor_client):
    page = TopicPage.objects.live().first()

    html = screen_html(redaktor_client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))

    assert "Skicka till granskning" in html
    assert "Lämna in till" not in html
    assert "till Granskning" not in html


def test_the_form_builder_names_its_field_types_in_swedish(demo, admin_client):
    page = FeedbackFormPage.objects.get()

    text = visible_text(
        screen_html(admin_client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    )

    assert "Rullgardinsmeny" in text
    assert "Flervalslista" in text
    assert "Dropdown" not in text
    assert "Siffra" not in text
    assert " Tal " in text


def test_the_unschedule_dialog_asks_about_the_schedule_not_about_deleting(demo, granskare_client):
    page = TopicPage.objects.live().first()
    revision = page.save_revision(user=granskare_client.user)
    revision.publish(user=granskare_client.user)  # go live first, then schedule a version
    page.refresh_from_db()
    page.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled = page.save_revision(user=granskare_client.user, approved_go_live_at=page.go_live_at)
    url = reverse("wagtailadmin_pages:revisions_unschedule", args=(page.pk, scheduled.pk))

    text = visible_text(screen_html(granskare_client, url))

    assert "Vill du ta bort schemaläggningen av den här versionen?" in text
    assert "radera" not in text.lower()


def test_the_multiple_image_uploader_says_an_upload_failed_plainly(admin_client):
    # The message is in the page's template for a failed file, shown by its script.
    html = screen_html(admin_client, reverse("wagtailimages:add_multiple"))

    assert "Uppladdningen misslyckades." in html
    assert "Ledsen" not in html


# Wagtail's Swedish beside ours, for messages shown after an action (history, flash
# messages, the side panel): each fails if our catalogue loses its entry.
CORRECTED = [
    ("Are you sure you want to unschedule this revision?", "Vill du ta bort schemaläggningen"),
    ("Unschedule", "Ta bort schemaläggning"),
    ("'%(object)s' unpublished.", "'%(object)s' har avpublicerats."),
    ("Page '%(page_title)s' unpublished.", "Sidan '%(page_title)s' har avpublicerats."),
    ("No locked pages found.", "Inga låsta sidor hittades."),
    ("Locked by <b>you</b> at <b>%(locking_date)s</b>", "Låst av <b>dig</b> <b>"),
    ("locked at", "låst"),  # exactly: Wagtail's says "låstes as"
    ("Approved task", "Godkänd uppgift"),
    ("Only reviewers can edit and approve the %(model_name)s", "Endast granskare kan"),
    ("Cancelled '%(workflow)s' at '%(task)s'", "Avbröt '%(workflow)s'"),
    ("Workflow task rejected. Workflow complete", "Arbetsflödet är avslutat"),
    ("Workflow removed from Page '%(page_title)s'.", "från sidan '%(page_title)s'"),
    ("Publish scheduled draft", "Publicera schemalagt utkast"),
    ("Unpublish scheduled draft", "Avpublicera schemalagt utkast"),
    ("Choose who can view the live version of this page", "av den här sidan."),
    ("Assign your workflow to snippets", "Tilldela arbetsflödet till snuttar"),
    ("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s.", "ladda upp"),
]


@pytest.mark.parametrize(("message", "expected"), CORRECTED)
def test_wagtails_wrong_swedish_is_corrected(message, expected):
    with translation.override("sv"):
        translated = translation.gettext(message)

    assert expected == translated if message == "locked at" else expected in translated
