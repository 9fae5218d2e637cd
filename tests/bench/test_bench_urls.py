"""The benchmark's ceiling view lives only in the bench URL configuration."""

import pytest
from django.test import override_settings
from django.urls import Resolver404, resolve


def test_ceiling_is_not_in_the_site_urls():
    with pytest.raises(Resolver404):
        resolve("/bench/ceiling/", urlconf="oim_site.urls")


@override_settings(ROOT_URLCONF="bench.urls")
def test_bench_urls_serve_the_ceiling_and_the_whole_site(client, db):
    response = client.get("/bench/ceiling/")

    assert response.status_code == 200 and response.content == b"ok"
    assert resolve("/fr/", urlconf="bench.urls").url_name == "home"
    assert resolve("/fr/recherche/", urlconf="bench.urls").url_name == "search"
