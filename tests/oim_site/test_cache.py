"""The anonymous page cache is never wrong: what an editor changes is on the next page a reader loads."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from core.models import Status
from news.models import NewsRelease
from tests.factories import NewsReleaseFactory, PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def news_list(language="fr"):
    with override(language):
        return reverse("news:list")


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(client, django_assert_num_queries):
    NewsReleaseFactory(title_fr="Premier communiqué")
    first = client.get(news_list())
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(news_list())
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content


def test_a_hit_is_one_round_trip_to_the_shared_cache(client, monkeypatch):
    from django.core.cache import cache

    release = NewsReleaseFactory(title_fr="Un communiqué")
    client.get(release.get_absolute_url())  # stored: this process knows the page's stamps
    calls = []
    real = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, **kwargs: calls.append(list(keys)) or real(keys, **kwargs))
    assert client.get(release.get_absolute_url())["X-Cache"] == "HIT"
    assert len(calls) == 1
    assert sum(key.startswith("oim:tag:") for key in calls[0]) >= 2  # the page's stamps came with it
    release.title_fr = "Un communiqué corrigé"
    release.save()
    assert "Un communiqué corrigé" in client.get(release.get_absolute_url()).content.decode()


def test_languages_are_cached_separately(client):
    NewsReleaseFactory(title_fr="Communiqué en français", title_en="Release in English")
    assert "Communiqué en français" in client.get(news_list("fr")).content.decode()
    english = client.get(news_list("en"))
    assert english["X-Cache"] == "MISS"
    assert "Release in English" in english.content.decode()


@pytest.mark.parametrize("change", ["edit", "publish", "unpublish", "delete"])
def test_any_content_change_is_visible_on_the_next_request(client, change):
    release = NewsReleaseFactory(title_fr="Avant", status=Status.DRAFT if change == "publish" else Status.PUBLISHED)
    client.get(news_list())
    assert client.get(news_list())["X-Cache"] == "HIT"
    if change == "edit":
        release.title_fr = "Après"
        release.save()
    elif change == "publish":
        release.status = Status.PUBLISHED
        release.save()
    elif change == "unpublish":
        release.status = Status.DRAFT
        release.save()
    else:
        release.delete()
    response = client.get(news_list())
    assert response["X-Cache"] == "MISS"
    html = response.content.decode()
    if change == "edit":
        assert "Après" in html and "Avant" not in html
    elif change == "publish":
        assert "Avant" in html
    elif change in ("unpublish", "delete"):
        assert "Avant" not in html


def test_a_new_relation_renews_the_pages_that_show_it_and_not_the_list_that_does_not(client):
    release = NewsReleaseFactory(title_fr="Appel conjoint")
    partner = PartnerFactory(name_fr="Partenaire lié")
    pages = [news_list(), release.get_absolute_url(), partner.get_absolute_url()]
    for page in pages * 2:
        client.get(page)
    partner.news_releases.add(release)
    assert client.get(news_list())["X-Cache"] == "HIT"  # the list's cards name no partner
    for page, shown in ((release.get_absolute_url(), "Partenaire lié"), (partner.get_absolute_url(), "Appel conjoint")):
        response = client.get(page)
        assert response["X-Cache"] == "MISS"
        assert shown in response.content.decode()


def test_a_scheduled_release_appears_at_its_time_not_at_the_end_of_the_timeout(client, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    NewsReleaseFactory(title_fr="Communiqué programmé", publication_date=timezone.now() + timedelta(seconds=1.5))
    assert "Communiqué programmé" not in client.get(news_list()).content.decode()
    assert client.get(news_list())["X-Cache"] == "HIT"
    time.sleep(1.6)
    response = client.get(news_list())
    assert response["X-Cache"] == "MISS"
    assert "Communiqué programmé" in response.content.decode()


def test_a_release_scheduled_while_pages_are_cached_still_appears_at_its_time(client, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    NewsReleaseFactory(title_fr="Déjà en ligne")
    client.get(news_list())  # the epoch is known, with nothing scheduled
    NewsReleaseFactory(title_fr="Programmé ensuite", publication_date=timezone.now() + timedelta(seconds=1.5))
    response = client.get(news_list())
    assert "Programmé ensuite" not in response.content.decode()
    assert client.get(news_list())["X-Cache"] == "HIT"
    time.sleep(1.6)
    response = client.get(news_list())
    assert response["X-Cache"] == "MISS"
    assert "Programmé ensuite" in response.content.decode()


def test_staff_pages_are_never_served_from_or_stored_in_the_cache(client):
    NewsReleaseFactory(title_fr="Communiqué public")
    NewsReleaseFactory(title_fr="Brouillon interne", status=Status.DRAFT)
    client.get(news_list())
    client.force_login(UserFactory(is_superuser=True))
    staff_view = client.get(news_list())
    assert "X-Cache" not in staff_view
    client.logout()
    client.cookies.clear()
    assert client.get(news_list())["X-Cache"] == "HIT"


def test_responses_that_set_cookies_or_are_private_are_not_cached(client):
    # The admin login form sets a CSRF cookie; admin URLs are outside /fr/ and /en/ anyway.
    assert "X-Cache" not in client.get("/admin/login/")
    # The root redirect depends on the visitor's language and is never cached.
    assert "X-Cache" not in client.get("/", HTTP_ACCEPT_LANGUAGE="en")


def test_conditional_requests_get_a_304(client):
    NewsReleaseFactory()
    response = client.get(news_list())
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert client.get(news_list(), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(news_list(), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    NewsReleaseFactory(title_fr="Nouveau")
    assert client.get(news_list(), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


def test_queryset_update_through_the_admin_action_invalidates_too(admin_client, client):
    release = NewsReleaseFactory(title_fr="À dépublier")
    client.get(news_list())
    admin_client.post(reverse("admin:news_newsrelease_changelist"),
                      {"action": "unpublish", "_selected_action": [release.pk]})
    assert NewsRelease.objects.get(pk=release.pk).status == Status.DRAFT
    assert "À dépublier" not in client.get(news_list()).content.decode()
