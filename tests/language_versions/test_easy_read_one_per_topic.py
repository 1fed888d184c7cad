""" "Ämnessidan har redan en lättläst sida" keeps a topic page to one live easy-to-read
page (EasyReadPage.clean), through the admin's own flows: an editor's unpublished copy
never blocks saving or publishing the original, the original's own drafts never block
it, and a second page is refused only when it would stand beside a live one."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from language_versions.factories import EasyReadIndexPageFactory, EasyReadPageFactory
from language_versions.models import EasyReadPage
from pages.factories import TopicPageFactory

REFUSED = "Ämnessidan har redan en lättläst sida"


@pytest.fixture
def index(home):
    return EasyReadIndexPageFactory(parent=home)


@pytest.fixture
def topic(home):
    return TopicPageFactory(parent=home, title="Smart specialisering", slug="smart")


@pytest.fixture
def original(index, topic):
    return EasyReadPageFactory(parent=index, topic=topic, title="Om smart", slug="om-smart")


def edit(client, page, topic, publish, title=None):
    data = {
        "title": title or page.title,
        "slug": page.slug,
        "topic": topic.pk if topic else "",
        "body": rich_text("<p>En kort text. Den är lätt att läsa.</p>"),
    }
    if publish:
        data["action-publish"] = "publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data))


def copy(client, page, slug="om-smart-kopia"):
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Om smart (kopia)",
            "new_slug": slug,
            "new_parent_page": page.get_parent().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return EasyReadPage.objects.get(slug=slug)


def saved(response):
    return response.status_code == 302 and REFUSED not in response.content.decode()


def test_an_unpublished_copy_does_not_block_the_original(admin_client, original, topic):
    the_copy = copy(admin_client, original)
    assert not the_copy.live and the_copy.topic_id == topic.pk

    assert saved(edit(admin_client, original, topic, publish=False, title="Om smart, utkast"))
    assert saved(edit(admin_client, original, topic, publish=True, title="Om smart, ny"))

    original.refresh_from_db()
    assert original.live and original.title == "Om smart, ny"


def test_the_originals_own_drafts_never_block_it(admin_client, original, topic):
    for number in range(3):
        assert saved(edit(admin_client, original, topic, publish=False, title=f"Utkast {number}"))
    assert saved(edit(admin_client, original, topic, publish=True))
    assert saved(edit(admin_client, original, topic, publish=True, title="Igen"))


def test_saving_the_topic_page_is_not_blocked_by_a_copy(admin_client, original, topic):
    copy(admin_client, original)
    data = nested_form_data(
        {
            "title": "Smart specialisering, uppdaterad",
            "slug": topic.slug,
            "introduction": topic.introduction,
            "body": streamfield([]),
            "related_pages": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[topic.pk]), data)

    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.title == "Smart specialisering, uppdaterad"


def test_the_copy_is_refused_publication_beside_the_live_original(
    admin_client, client, original, topic
):
    the_copy = copy(admin_client, original)

    response = edit(admin_client, the_copy, topic, publish=True)

    assert response.status_code == 200 and REFUSED in response.content.decode()
    the_copy.refresh_from_db()
    assert not the_copy.live
    assert 'href="/lattlast/om-smart/"' in client.get(topic.url).content.decode()


def test_the_copy_may_take_over_once_the_original_is_unpublished(admin_client, original, topic):
    the_copy = copy(admin_client, original)
    original.unpublish()

    assert saved(edit(admin_client, the_copy, topic, publish=True))
    the_copy.refresh_from_db()
    assert the_copy.live


def test_the_copy_may_choose_another_topic(admin_client, home, original, topic):
    other = TopicPageFactory(parent=home, title="Export", slug="export")
    the_copy = copy(admin_client, original)

    assert saved(edit(admin_client, the_copy, other, publish=True))
    assert saved(edit(admin_client, original, topic, publish=True))


@pytest.mark.parametrize("choice", ["publish_copies", "alias"])
def test_a_live_copy_or_alias_of_a_live_page_is_refused(admin_client, original, choice):
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[original.pk]),
        {
            "new_title": "Om smart (kopia)",
            "new_slug": "om-smart-kopia",
            "new_parent_page": original.get_parent().pk,
            choice: "on",
        },
    )

    assert response.status_code == 200
    assert "skulle ge ämnessidan två lättlästa sidor" in response.content.decode()
    assert EasyReadPage.objects.count() == 1
