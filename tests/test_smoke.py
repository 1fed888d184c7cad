def test_home_page_renders_with_swedish_language_and_skip_link(client, home):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv"' in html
    assert 'href="#main"' in html
    assert html.count("<h1") == 1
