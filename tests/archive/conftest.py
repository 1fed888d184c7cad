"""A live conference with speakers and presentations, and people who publish it."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import ARCHIVISTS, REVIEWERS
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory


@pytest.fixture
def publisher(db, django_user_model):
    user = django_user_model.objects.create_user(
        "granskare", "granskare@example.com", "correct-horse-battery", first_name="Greta"
    )
    user.groups.add(Group.objects.get(name=REVIEWERS))
    return user


@pytest.fixture
def conference(home):
    index = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=index, title="Smart specialisering 2018")
    for order, name in enumerate(["Isabel Poli", "Lina Stanionyte"]):
        SpeakerFactory(conference=conference, name=name, sort_order=order)
    return conference


def publish(page, user, **changes):
    """Save ``changes`` on ``page`` as a new revision and publish it as ``user``."""
    page.refresh_from_db()
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    page.refresh_from_db()
    return revision


@pytest.fixture
def archivist_client(db, django_user_model):
    """Logged in as a member of Arkivarier, the group the data migration created."""
    user = django_user_model.objects.create_user(
        "arkivarie", "arkivarie@example.com", "correct-horse-battery"
    )
    user.groups.add(Group.objects.get(name=ARCHIVISTS))
    client = Client()
    client.force_login(user)
    return client
