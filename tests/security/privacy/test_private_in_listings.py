"""Private pages and private documents stay out of every listing a visitor could see.

A page restricted to logged-in users or to a group, and a document in a restricted
collection, must not show up in any listing, while public items still do and group
members see what their group may. The sitemap, the feeds and search:
test_private_in_feeds_and_search.py; guessing URLs: test_private_urls.py.
"""

import json

import pytest

from tests.security.privacy.private_site import SECRET, assert_no_secrets, get_text

# Listings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "listing",
    [
        "home",
        "public_topic",
        "strategies",
        "conferences",
        "public_strategy",
        "page_listing_document",
    ],
)
def test_private_pages_are_absent_from_every_listing(client, site, listing):
    page = getattr(site, listing)

    html = get_text(client, page.url)

    assert_no_secrets(html, site, page.url)


def test_listings_still_show_the_public_items(client, site):
    """The leak checks above could pass on an empty page; these show the lists are filled."""
    assert "Öppet ämne" in get_text(client, site.home.url)
    assert "Öppen strategi" in get_text(client, site.strategies.url)
    assert "Öppen konferens" in get_text(client, site.conferences.url)
    assert "Öppen konferens" in get_text(client, site.home.url)


def test_members_of_the_group_do_see_the_group_page_in_the_topic_listing(
    client, site, django_user_model
):
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(site.staff)
    client.force_login(member)

    response = client.get(site.group_subtopic.url)

    assert response.status_code == 200
    assert f"{SECRET} i gruppen" in response.content.decode()


def test_a_member_sees_the_private_document_where_the_editor_listed_it(
    client, site, django_user_model
):
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(site.staff)
    client.force_login(member)

    html = get_text(client, site.page_listing_document.url)

    assert site.private_document.url in html
    assert f"{SECRET} budget" in html


def test_a_rich_text_link_to_a_private_document_keeps_its_text_but_not_the_address(client, site):
    page = site.public_topic
    page.body = json.dumps(
        [
            {
                "type": "text",
                "value": {
                    "text": f'<p>Se <a linktype="document" id="{site.private_document.pk}">'
                    "budgeten</a> för detaljer.</p>"
                },
            }
        ]
    )
    page.save_revision().publish()

    html = get_text(client, page.url)

    assert "budgeten" in html
    assert_no_secrets(html, site, "rich text")


def test_a_private_conference_placed_on_a_public_page_is_not_shown(client, site):
    page = site.public_topic
    page.body = json.dumps(
        [
            {
                "type": "conference",
                "value": {"conference": site.private_conference.pk, "show_speakers": True},
            },
            {
                "type": "conference",
                "value": {"conference": site.public_conference.pk, "show_speakers": True},
            },
        ]
    )
    page.save_revision().publish()

    html = get_text(client, page.url)

    assert "Öppen konferens" in html
    assert_no_secrets(html, site, "a conference block")


def test_a_public_strategy_whose_document_is_private_shows_no_download_to_visitors(
    client, site, django_user_model
):
    site.public_strategy.document = site.private_document
    site.public_strategy.save_revision().publish()

    anonymous = get_text(client, site.public_strategy.url)
    listing = get_text(client, site.strategies.url)
    member = django_user_model.objects.create_user("ledare", "l@example.com", "x")
    member.groups.add(site.staff)
    client.force_login(member)
    as_member = get_text(client, site.public_strategy.url)

    assert "Öppen strategi" in anonymous
    assert_no_secrets(anonymous, site, "the strategy page")
    assert "Ladda ner strategin" not in anonymous
    assert_no_secrets(listing, site, "the strategy listing")
    assert site.private_document.url in as_member
