from wagtail.contrib.redirects.models import Redirect

from pages.factories import TopicPageFactory


def test_renaming_a_page_redirects_its_old_address(
    client, home, django_capture_on_commit_callbacks
):
    page = TopicPageFactory(parent=home, slug="gammal-adress")
    page.slug = "ny-adress"
    # Wagtail creates the redirect once the rename is committed.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    response = client.get("/gammal-adress/")

    assert response.status_code == 301
    assert response["Location"] == "/ny-adress/"
    assert client.get("/ny-adress/").status_code == 200


def test_moving_a_page_redirects_its_old_address_and_its_children(client, home):
    section = TopicPageFactory(parent=home, slug="amnen")
    page = TopicPageFactory(parent=home, slug="smart")
    TopicPageFactory(parent=page, slug="fordjupning")

    page.move(section, pos="last-child")

    response = client.get("/smart/")
    assert response.status_code == 301
    assert response["Location"] == "/amnen/smart/"
    child_response = client.get("/smart/fordjupning/")
    assert child_response.status_code == 301
    assert child_response["Location"] == "/amnen/smart/fordjupning/"


def test_editor_creates_a_redirect_and_visitors_follow_it(admin_client, client, home):
    page = TopicPageFactory(parent=home, slug="smart-specialisering")

    response = admin_client.post(
        "/admin/redirects/add/",
        {
            "old_path": "/s3",
            "site": "",
            "is_permanent": "on",
            "redirect_page": page.pk,
            "redirect_link": "",
        },
    )

    assert response.status_code == 302
    assert Redirect.objects.filter(old_path="/s3").exists()
    visitor = client.get("/s3/")
    assert visitor.status_code == 301
    assert visitor["Location"] == "/smart-specialisering/"


# --- "No redirect here" is remembered a moment (core/redirects.py) ---------------------


def test_a_404_asked_again_costs_no_query(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get("/finns-inte/").status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/finns-inte/").status_code == 404

    assert list(queries) == []


def test_a_redirect_added_after_its_address_gave_404_is_followed(client, home):
    page = TopicPageFactory(parent=home, slug="smart-specialisering")
    assert client.get("/s3/").status_code == 404

    Redirect.add_redirect("/s3", redirect_to=page)

    response = client.get("/s3/")
    assert response.status_code == 301
    assert response["Location"] == "/smart-specialisering/"

    Redirect.objects.filter(old_path="/s3").delete()
    assert client.get("/s3/").status_code == 404


def test_an_old_address_asked_while_wagtail_creates_the_redirects_is_redirected(
    client, home, monkeypatch
):
    from wagtail.contrib.redirects import signal_handlers

    section = TopicPageFactory(parent=home, slug="amnen")
    page = TopicPageFactory(parent=home, slug="smart")
    original = signal_handlers.create_redirects
    during = []

    def create_redirects(*args, **kwargs):
        # A visitor asks for the old address after the move, before its redirect exists.
        during.append(client.get("/smart/").status_code)
        return original(*args, **kwargs)

    monkeypatch.setattr(signal_handlers, "create_redirects", create_redirects)
    page.move(section, pos="last-child")

    assert during == [404]
    response = client.get("/smart/")
    assert response.status_code == 301
    assert response["Location"] == "/amnen/smart/"
