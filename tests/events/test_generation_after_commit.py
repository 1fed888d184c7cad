"""A change made inside a transaction must start a new structure generation after the
commit, not only before it.

Wagtail's admin deletes a page (DeletePageAction) and saves a snippet or a document
(generic EditView.form_valid) inside ``transaction.atomic()``. The post_save /
post_delete receivers (core/structure_cache.py, core/render_cache.py) start a new
generation while the transaction is still open; a visitor's request in that moment
reads the old rows (the transaction is not committed) and keeps them under the new
generation. Nothing starts another generation at the commit, so the old content stays:
seen live (break1, gunicorn + Redis) as a deleted conference listed on /konferenser/
(its link a 404) long after the delete, until the next editor change.
"""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction

from contacts.factories import ContactPersonFactory
from core import structure_cache
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory


def _conference(home):
    index = ConferenceIndexPageFactory(parent=home)
    start = timezone.now() + datetime.timedelta(days=10)
    return ConferencePageFactory(parent=index, start=start, end=start + datetime.timedelta(hours=4))


def _delete_page(home):
    page = _conference(home)
    return lambda: DeletePageAction(page).execute()


def _save_contact(home):
    contact = ContactPersonFactory()

    def change():
        contact.name = "Ny kontaktperson"
        contact.save()

    return change


def _delete_document(home):
    document = DocumentFactory(title="Presentation")
    return document.delete


@pytest.mark.parametrize("prepare", [_delete_page, _save_contact, _delete_document])
def test_a_change_in_a_transaction_starts_a_new_generation_at_commit(
    home, django_capture_on_commit_callbacks, prepare
):
    change = prepare(home)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        change()
        # What a visitor's request in this moment keeps its reads under.
        during = structure_cache.generation()
    assert structure_cache.generation() != during
