"""The admin's wording in Swedish where Wagtail's own catalogue falls short: the review is
"granskning", not "moderering"; the JavaScript catalogue, the login page's password
field, the root page and collection, result counts, usage counts and the admin 404, and
the approve and publish actions. Our own ``locale/sv`` fills in what Wagtail lacks."""

import json
import re
from pathlib import Path

import pytest
import wagtail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from tests.editorial.english_words import in_review, screen_html, visible_text

pytestmark = pytest.mark.django_db

# The inputs: strings seen in English on Swedish screens, and the workflow's name.
SEEN_IN_ENGLISH = [
    "Maximum filesize: %(max_upload_size)s.",
    "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s",
    "Autosave is paused",
    "There are validation errors, click save to highlight them.",
    "Saved",
    "Sign in to Wagtail",
]

MODERATION_MESSAGES = [
    "Submit for moderation",
    "In Moderation",
    "in moderation",
    "live + in moderation",
    "%(model_name)s '%(object)s' has been submitted for moderation.",
    "Page '%(page_title)s' has been submitted for moderation.",
    'The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".',
    "Receive notification when a page is submitted for moderation",
]


@pytest.mark.parametrize("message", MODERATION_MESSAGES)
def test_the_review_is_called_granskning_not_moderering(message):
    """Wagtail's messages say "moderering"; our workflow, its groups and mails say granskning."""
    with translation.override("sv"):
        swedish = translation.gettext(message)

    assert "gransk" in swedish.lower()
    assert "moder" not in swedish.lower()


def wagtail_script_messages():
    """Every message Wagtail's admin scripts can show (its English source catalogue)."""
    path = Path(wagtail.__file__).parent / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
    return [
        json.loads(message)
        for message in re.findall(r'^msgid (".+")$', path.read_text(), flags=re.MULTILINE)
    ]


def test_the_script_catalogue_is_swedish_for_every_message_wagtail_scripts_show(redaktor_client):
    response = redaktor_client.get(reverse("wagtailadmin_javascript_catalog"))
    catalogue = json.loads(
        re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S).group(1)
    )

    missing = [message for message in wagtail_script_messages() if message not in catalogue]

    assert missing == []
    assert catalogue["Changes have been autosaved."] != "Changes have been autosaved."


@pytest.mark.parametrize("message", SEEN_IN_ENGLISH)
def test_each_message_seen_in_english_has_a_swedish_translation(message):
    with translation.override("sv"):
        assert translation.gettext(message) != message


def test_the_password_field_is_labelled_in_swedish_on_the_login_page(db):
    html = Client().get(reverse("wagtailadmin_login")).text

    assert re.search(r'id="id_password-label">\s*Lösenord', html)


def test_the_root_page_and_root_collection_have_swedish_names(db):
    """Wagtail's migrations name them "Root"; the admin shows that name as it is."""
    from wagtail.models import Collection

    assert Page.get_first_root_node().title == "Rot"
    assert Page.get_first_root_node().draft_title == "Rot"
    assert Collection.get_first_root_node().name == "Rot"


def test_the_page_search_counts_its_results_in_sidor(demo, redaktor_client):
    """The admin's page search said "1–3 av 3 None": Wagtail 8.0.1's search view names
    no model (editorial/apps.py gives it the page model's names)."""
    text = visible_text(
        screen_html(redaktor_client, reverse("wagtailadmin_pages:search") + "?q=smart")
    )
    assert "None" not in text
    assert re.search(r"1–\d+ av \d+ sidor", text), text
    text = visible_text(
        screen_html(redaktor_client, reverse("wagtailadmin_pages:search") + "?q=ingenting-alls")
    )
    assert "None" not in text


def test_usage_counts_and_the_admin_404_read_as_swedish_not_as_wagtails_wording():
    """Wagtail's Swedish says "Denna dokument är refererad" (wrong gender) and "Gå till
    Wagtail admin"; our catalogue says it right."""
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    with translation.override("sv"):
        usage = ngettext(
            "This %(model_name)s is referenced %(usage_count)s time.",
            "This %(model_name)s is referenced %(usage_count)s times.",
            3,
        ) % {"model_name": "dokument", "usage_count": 3}
        go_to_admin = gettext("Go to Wagtail admin")

    assert usage == "Används på 3 ställen (dokument)."
    assert "Wagtail" not in go_to_admin


def test_the_approve_and_publish_actions_are_written_in_swedish_sentence_case(
    demo, redaktor_client, granskare_client
):
    """The edit page's action menu says "Godkänn och publicera", as Swedish is written
    (Wagtail's own catalogue has "Godkänn och Publicera")."""
    page, _revision = in_review(redaktor_client)

    text = visible_text(
        screen_html(granskare_client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    )

    assert "Godkänn och publicera" in text
    assert "Godkänn med kommentar och publicera" in text
    assert "och Publicera" not in text
