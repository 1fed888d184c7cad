"""The password page of a protected page and of a document in a password collection is
one of the site's pages (core/password_required.html on error_page.html): header, skip
link, main landmark, the address's language, one h1, a labelled field and, after a wrong
password, the error beside the field and tied to it. Wagtail's own template was a bare
English form without any of these."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from documents.factories import DocumentFactory
from pages.factories import TopicPageFactory


def password_page(html, lang):
    assert f'<html lang="{lang}">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<header class="site-header">' in html
    assert '<main id="main"' in html
    assert "/static/css/site.css" in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert '<label class="form-field__label" for="password-field">' in html
    assert 'id="password-field"' in html and 'type="password"' in html


def wrong_password(html):
    assert 'aria-describedby="password-error"' in html and 'aria-invalid="true"' in html
    field = html.index('id="password-field"')
    error = html.index('id="password-error"')
    label = html.index('for="password-field"')
    assert label < error < field  # the message stands between the label and the field


@pytest.fixture
def protected(home):
    page = TopicPageFactory(parent=home, title="Intern handbok", slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="hemligt"
    )
    return page, restriction


def test_a_protected_page_asks_for_the_password_in_the_sites_layout_in_swedish(client, protected):
    page, restriction = protected
    html = client.get(page.url).text

    password_page(html, "sv")
    assert "Sidan är skyddad med lösenord" in html
    assert "Intern handbok" not in html
    assert "Password required" not in html and "Continue" not in html
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    assert f'action="{action}"' in html


def test_a_wrong_password_is_said_beside_the_field_and_a_right_one_opens_the_page(
    client, protected
):
    page, restriction = protected
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])

    wrong = client.post(action, {"password": "fel", "return_url": page.url})
    right = client.post(action, {"password": "hemligt", "return_url": page.url})

    password_page(wrong.text, "sv")
    wrong_password(wrong.text)
    assert "Lösenordet stämmer inte" in wrong.text
    assert right.status_code == 302
    assert "Intern handbok" in client.get(page.url).text


def test_an_english_page_asks_in_english_also_after_a_wrong_password(client, protected):
    page, _restriction = protected
    english = Locale.objects.get_or_create(language_code="en")[0]
    for original in (page.get_parent(), page):
        translation = original.copy_for_translation(english).specific
        translation.save_revision().publish()
    translated = page.get_translation(english)
    restriction = PageViewRestriction.objects.create(
        page=translated, restriction_type="password", password="secret"
    )
    assert translated.url.startswith("/en/")

    html = client.get(translated.url).text
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, translated.pk])
    wrong = client.post(action, {"password": "fel", "return_url": translated.url}).text

    for shown in (html, wrong):
        password_page(shown, "en")
        assert "Sidan är skyddad" not in shown
    assert "Lösenordet stämmer inte" not in wrong
    wrong_password(wrong)


def test_a_document_in_a_password_collection_asks_in_the_sites_layout(client, home, admin_client):
    closed = Collection.get_first_root_node().add_child(name="Med lösenord")
    restriction = CollectionViewRestriction.objects.create(
        collection=closed, restriction_type="password", password="hemligt"
    )
    document = DocumentFactory(title="Intern rapport", collection=closed)
    topic = TopicPageFactory(parent=home, title="Ämnet", slug="amnet")
    data = nested_form_data(
        {
            "title": "Ämnet",
            "slug": "amnet",
            "introduction": topic.introduction,
            "body": streamfield(
                [
                    (
                        "text",
                        {
                            "text": rich_text(
                                f'<p><a linktype="document" id="{document.pk}">Rapporten</a></p>'
                            )
                        },
                    )
                ]
            ),
            "related_pages": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
            "action-publish": "publish",
        }
    )
    assert (
        admin_client.post(reverse("wagtailadmin_pages:edit", args=[topic.pk]), data).status_code
        == 302
    )
    admin_client.logout()

    url = document.url
    html = client.get(url).text
    action = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    wrong = client.post(action, {"password": "fel", "return_url": url}).text

    password_page(html, "sv")
    assert "Filen är skyddad med lösenord" in html
    wrong_password(wrong)
    assert client.post(action, {"password": "hemligt", "return_url": url}).status_code == 302
    assert client.get(url).status_code == 200
