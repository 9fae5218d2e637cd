"""The search page searches with GET; anything else is a 405 with the search page, never a 403 or a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_other_methods_get_the_search_page_with_405(method, db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)  # as a browser or bot without a token
    response = getattr(client, method)("/fr/recherche/?q=integration", data="q=integration",
                                       content_type="application/x-www-form-urlencoded")
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    page = response.content.decode()
    assert 'name="q"' in page  # the search form, in the site's layout
    assert "<title>" in page and "OIM France" in page


def test_a_large_posted_body_is_not_a_500(client):
    response = client.post("/en/search/", {"q": "x" * 10_000, "csrfmiddlewaretoken": "bogus"})
    assert response.status_code == 405


def test_get_still_searches(client):
    assert client.get("/fr/recherche/", {"q": "intégration"}).status_code == 200
    assert client.head("/fr/recherche/", {"q": "intégration"}).status_code == 200
