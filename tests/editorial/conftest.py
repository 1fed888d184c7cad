"""Fixtures for the web team's journeys: a site with a conference list, a published
conference, and a client per role."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import EDITORS, REVIEWERS
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory


@pytest.fixture
def conference_index(home):
    return ConferenceIndexPageFactory(parent=home)


@pytest.fixture
def conference(home):
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), title="Nationell konferens 2018"
    )
    conference.save_revision().publish()
    return conference


def _client_for(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.com", "correct-horse-battery"
    )
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def redaktor_client(db, django_user_model):
    """Logged in as a member of Redaktörer, the group the data migration created."""
    return _client_for(django_user_model, "redaktor", EDITORS)


@pytest.fixture
def granskare_client(db, django_user_model):
    """Logged in as a member of Granskare."""
    return _client_for(django_user_model, "granskare", REVIEWERS)


@pytest.fixture
def demo(demo_content, db):
    """The demo site, loaded once for the module (tests/conftest.py)."""
