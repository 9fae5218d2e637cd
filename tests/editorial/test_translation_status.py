"""Which English is missing or out of date: timestamps, filter, admin page and home counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.translation_status import MISSING, OUTDATED, UP_TO_DATE, state_of
from news.models import NewsRelease
from pages.models import Page
from partners.models import Partner
from tests import factories

from .conftest import admin_url, page_form

pytestmark = pytest.mark.django_db


def backdate(obj, **days):
    """Pretend the last edits happened some days ago."""
    type(obj).objects.filter(pk=obj.pk).update(**{f"{code}_updated_at": timezone.now() - timedelta(days=n)
                                                  for code, n in days.items()})
    obj.refresh_from_db()


def test_new_bilingual_item_is_up_to_date():
    page = factories.PageFactory()
    assert page.fr_updated_at == page.en_updated_at is not None
    assert state_of(page) == UP_TO_DATE


def test_item_without_english_title_is_missing():
    page = factories.PageFactory(title_en="", body_en="")
    assert page.en_updated_at is None
    assert state_of(page) == MISSING


def test_english_title_over_a_french_only_body_is_missing_for_the_admin_as_for_the_public_site(publisher_client):
    # The admin and the public site (hreflang, English sitemap) answer with the same rule.
    release = factories.NewsReleaseFactory(title_en="Release", body_en="")
    assert state_of(release) == MISSING
    changelist = publisher_client.get(admin_url(NewsRelease, "changelist"), {"traduction": "missing"})
    assert release.title_fr in changelist.content.decode()
    sitemap = publisher_client.get("/sitemap.xml").content.decode()
    assert release.get_absolute_url_in("fr") in sitemap
    assert release.get_absolute_url_in("en") not in sitemap


def test_french_change_makes_english_out_of_date():
    release = factories.NewsReleaseFactory()
    backdate(release, fr=3, en=3)
    release.lead_fr = "Chapeau corrigé."
    release.save()
    assert release.fr_updated_at > release.en_updated_at
    assert state_of(release) == OUTDATED


def test_english_edit_after_french_brings_it_up_to_date():
    release = factories.NewsReleaseFactory()
    backdate(release, fr=2, en=5)
    assert state_of(release) == OUTDATED
    release.lead_en = "Updated lead."
    release.save()
    assert state_of(release) == UP_TO_DATE


def test_saving_without_text_changes_stamps_nothing():
    page = factories.PageFactory()
    backdate(page, fr=4, en=4)
    before = (page.fr_updated_at, page.en_updated_at)
    page.order = 7
    page.save()
    page.publication_date = timezone.now()
    page.save(update_fields=["publication_date"])
    page.refresh_from_db()
    assert (page.fr_updated_at, page.en_updated_at) == before


def test_slug_filled_from_french_does_not_count_as_an_english_edit():
    page = factories.PageFactory(title_en="", body_en="", summary_en="")
    backdate(page, fr=1)
    page.slug_en = "changed"
    page.save()
    assert page.en_updated_at is None


def test_changelist_filter_on_every_content_admin(publisher_client):
    fresh = factories.PartnerFactory(name_fr="À jour")
    missing = factories.PartnerFactory(name_fr="Sans anglais", name_en="")
    outdated = factories.PartnerFactory(name_fr="Anglais ancien")
    backdate(outdated, fr=1, en=10)
    url = admin_url(Partner, "changelist")
    for value, expected in (("missing", missing), ("outdated", outdated), ("ok", fresh)):
        shown = list(publisher_client.get(url, {"traduction": value}).context["cl"].result_list)
        assert shown == [expected], value
    for model in (Page, NewsRelease):
        content = publisher_client.get(admin_url(model, "changelist")).content.decode()
        assert "?traduction=outdated" in content and "à mettre à jour" in content


def test_translation_status_page_lists_what_needs_english_with_edit_links(
    publisher_client, django_assert_max_num_queries,
):
    factories.PageFactory(title_fr="Page traduite")
    missing = factories.PageFactory(title_fr="Page sans anglais", title_en="")
    outdated = factories.NewsReleaseFactory(title_fr="Communiqué à revoir")
    backdate(outdated, fr=1, en=8)
    for _ in range(5):
        factories.PartnerFactory(name_en="")
    url = reverse("editorial_tools:translation_status")
    with django_assert_max_num_queries(14):  # session, user, one per content type; not one per item
        response = publisher_client.get(url)
    content = response.content.decode()
    assert "État des traductions" in content
    assert "Page sans anglais" in content and admin_url(missing, "change") in content
    assert "Communiqué à revoir" in content and admin_url(outdated, "change") in content
    assert "Page traduite" not in content
    assert content.index("manquante") < content.rindex("à mettre à jour")


def test_translation_status_page_is_for_staff_only(client):
    response = client.get(reverse("editorial_tools:translation_status"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_home_shows_counts(publisher_client):
    factories.PageFactory(title_en="")
    factories.PageFactory(title_en="")
    outdated = factories.PartnerFactory()
    backdate(outdated, fr=1, en=3)
    content = publisher_client.get(reverse("admin:index")).content.decode()
    assert reverse("editorial_tools:translation_status") in content
    summary = content[content.index('id="translation-status-summary"'):]
    summary = summary[:summary.index("</table>")]
    assert f'{admin_url(Page, "changelist")}?traduction=missing">2<' in summary
    assert f'{admin_url(Partner, "changelist")}?traduction=outdated">1<' in summary


def test_admin_edit_of_french_only_flags_english(publisher_client):
    publisher_client.post(admin_url(Page, "add"), page_form())
    page = Page.objects.get()
    backdate(page, fr=2, en=2)
    publisher_client.post(admin_url(page, "change"), page_form(body_fr="<p>Texte français revu</p>"))
    page.refresh_from_db()
    assert state_of(page) == OUTDATED


def test_staff_without_permissions_sees_no_counts_nor_items(client):
    factories.PageFactory(title_fr="Page sans anglais", title_en="")
    client.force_login(factories.UserFactory())
    assert "translation-status-summary" not in client.get(reverse("admin:index")).content.decode()
    assert "Page sans anglais" not in client.get(reverse("editorial_tools:translation_status")).content.decode()
