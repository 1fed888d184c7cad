from django.contrib.staticfiles import finders


def test_home_page_renders_with_swedish_language_and_skip_link(client, home):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv"' in html
    assert 'href="#main"' in html
    assert html.count("<h1") == 1


def test_pages_name_an_icon_of_our_own_so_browsers_do_not_ask_for_a_missing_one(client, home):
    html = client.get("/").content.decode()

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert finders.find("favicon.svg") is not None
