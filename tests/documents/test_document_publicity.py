"""Documents of unpublished pages are not public (pages/document_publicity.py)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from documents.factories import DocumentFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory


@pytest.fixture
def index(home):
    return StrategyIndexPageFactory(parent=home)


def test_document_no_page_uses_answers_404_to_visitors_but_editors_get_it(admin_user, home):
    document = DocumentFactory(title="Presentation före konferensen")
    visitor, editor = Client(), Client()
    editor.force_login(admin_user)

    assert visitor.get(document.url).status_code == 404
    assert editor.get(document.url).status_code == 200


def test_document_of_a_draft_page_turns_public_on_publish_and_private_on_unpublish(client, index):
    document = DocumentFactory(title="Strategi före lanseringen")
    draft = StrategyDocumentPageFactory(parent=index, document=document, live=False)
    assert client.get(document.url).status_code == 404

    draft.save_revision().publish()
    assert client.get(document.url).status_code == 200

    draft.refresh_from_db()
    draft.unpublish()
    assert client.get(document.url).status_code == 404


def test_document_stays_public_while_another_live_page_uses_it(client, index):
    document = DocumentFactory()
    first = StrategyDocumentPageFactory(parent=index, document=document)
    StrategyDocumentPageFactory(parent=index, document=document)

    first.unpublish()

    assert client.get(document.url).status_code == 200


def test_document_goes_private_when_the_last_page_stops_using_it(client, index):
    document = DocumentFactory()
    page = StrategyDocumentPageFactory(parent=index, document=document)
    page.document = DocumentFactory(title="Ny version")
    page.save_revision().publish()

    assert client.get(document.url).status_code == 404
    assert client.get(page.document.url).status_code == 200


def test_document_of_a_deleted_page_is_private(client, index):
    document = DocumentFactory()
    page = StrategyDocumentPageFactory(parent=index, document=document)

    page.delete()

    assert client.get(document.url).status_code == 404


def test_collection_view_restriction_still_decides_for_its_documents(client, home):
    collection = Collection.get_first_root_node().add_child(name="Styrelsen")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Redaktörer"))
    document = DocumentFactory(collection=collection)

    response = client.get(document.url)

    assert response.status_code == 302  # to the login, as Wagtail does
    assert "login" in response["Location"]


def test_editors_see_the_state_in_the_document_list_and_edit_view(admin_client, index):
    used = StrategyDocumentPageFactory(parent=index, document=DocumentFactory(title="Använd"))
    unused = DocumentFactory(title="Oanvänd")

    listing = admin_client.get(reverse("wagtaildocs:index")).content.decode()
    edit_used = admin_client.get(reverse("wagtaildocs:edit", args=[used.document.pk]))
    edit_unused = admin_client.get(reverse("wagtaildocs:edit", args=[unused.pk]))

    assert "Synlighet" in listing
    assert listing.count("Inte publik än") == 1 and "Publik" in listing
    assert "Inte publik än" not in edit_used.content.decode()
    assert "Inte publik än" in edit_unused.content.decode()


def test_document_list_state_costs_no_query_per_document(admin_client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    StrategyDocumentPageFactory(parent=index)
    admin_client.get(reverse("wagtaildocs:index"))
    with CaptureQueriesContext(connection) as one:
        admin_client.get(reverse("wagtaildocs:index"))
    for _ in range(4):
        StrategyDocumentPageFactory(parent=index)
    DocumentFactory()
    admin_client.get(reverse("wagtaildocs:index"))
    with CaptureQueriesContext(connection) as six:
        admin_client.get(reverse("wagtaildocs:index"))

    assert len(six) == len(one)
