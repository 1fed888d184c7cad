"""Searching as a visitor does: the search page's HTML for a query."""


def search(client, query, **params):
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()
