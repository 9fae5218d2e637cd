import re
from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from core.models import Status
from tests import factories
from tests.public_html import (
    canonical,
    count_queries,
    hreflangs,
    html,
    html_lang,
    json_ld,
    switcher_links,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_news_list_is_newest_first_in_both_languages(client):
    factories.NewsReleaseFactory(title_fr="Ancien communiqué", title_en="Old release", publication_date=days_ago(30))
    factories.NewsReleaseFactory(title_fr="Nouveau communiqué", title_en="New release", publication_date=days_ago(1))

    french = html(client.get("/fr/actualites/"))
    assert html_lang(french) == "fr"
    assert french.index("Nouveau communiqué") < french.index("Ancien communiqué")
    assert french.count("<h1") == 1

    english = html(client.get("/en/news/"))
    assert html_lang(english) == "en"
    assert english.index("New release") < english.index("Old release")
    assert "Nouveau communiqué" not in english


def test_draft_and_scheduled_releases_are_not_listed_and_are_404(client):
    draft = factories.NewsReleaseFactory(title_fr="Brouillon secret", status=Status.DRAFT)
    scheduled = factories.NewsReleaseFactory(title_fr="Programmé demain",
                                             publication_date=timezone.now() + timedelta(days=1))
    listing = html(client.get("/fr/actualites/"))
    assert "Brouillon secret" not in listing
    assert "Programmé demain" not in listing
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert client.get("/fr/actualites/ce-communique-n-existe-pas/").status_code == 404


def test_news_list_is_paginated_and_bad_page_numbers_are_404_not_500(client):
    for number in range(12):
        factories.NewsReleaseFactory(title_fr=f"Communiqué {number:02d}", publication_date=days_ago(number + 1))
    first = html(client.get("/fr/actualites/"))
    assert "Communiqué 00" in first and "Communiqué 09" in first and "Communiqué 10" not in first
    assert 'href="?page=2" rel="next"' in first
    second = html(client.get("/fr/actualites/?page=2"))
    assert "Communiqué 10" in second and "Communiqué 11" in second
    assert html(client.get("/fr/actualites/?page=last")).count("Communiqué 11") == 1
    for bad in ("99", "abc", "-1", "0", "1.5"):
        assert client.get(f"/fr/actualites/?page={bad}").status_code == 404


def test_news_list_filters_by_area_and_year_and_ignores_bad_values(client):
    area = factories.ProgrammeAreaFactory(title_fr="Réinstallation")
    other = factories.ProgrammeAreaFactory(title_fr="Traite")
    this_year = timezone.now().year
    factories.NewsReleaseFactory(title_fr="Sur la réinstallation", programme_areas=[area], publication_date=days_ago(1))
    factories.NewsReleaseFactory(title_fr="Sur la traite", programme_areas=[other], publication_date=days_ago(1))
    factories.NewsReleaseFactory(
        title_fr="Vieux communiqué", programme_areas=[area],
        publication_date=timezone.make_aware(datetime(this_year - 3, 6, 1)),
    )

    by_area = html(client.get(f"/fr/actualites/?area={area.pk}"))
    assert "Sur la réinstallation" in by_area and "Vieux communiqué" in by_area
    assert "Sur la traite" not in by_area
    assert f'<option value="{area.pk}" selected>' in by_area

    by_year = html(client.get(f"/fr/actualites/?year={this_year - 3}"))
    assert "Vieux communiqué" in by_year and "Sur la réinstallation" not in by_year

    both = html(client.get(f"/fr/actualites/?area={area.pk}&year={this_year - 3}"))
    assert "Vieux communiqué" in both and "Sur la traite" not in both and "Sur la réinstallation" not in both

    # A filter the form does not offer is a 404, never the unfiltered list; an empty one means all.
    for query in ("area=abc", "area=99999", "year=abcd", "year=1800", "area=1;DROP"):
        assert client.get(f"/fr/actualites/?{query}").status_code == 404, query
    page = html(client.get("/fr/actualites/?area=&year="))
    assert "Sur la traite" in page and "Sur la réinstallation" in page


def test_release_detail_shows_everything_a_journalist_needs(client, png_upload):
    area = factories.ProgrammeAreaFactory(title_fr="Intégration des réfugiés")
    partner = factories.PartnerFactory(name_fr="Délégation de l’Union européenne", acronym_fr="UE")
    hidden_partner = factories.PartnerFactory(name_fr="Partenaire en brouillon", status=Status.DRAFT)
    contact = factories.PersonFactory(name="Camille Martin", job_title_fr="Chargée de presse",
                                      phone="+33140440640", email="presse@example.org")
    release = factories.NewsReleaseFactory(
        title_fr="L’OIM soutient les réfugiés", dateline_fr="Paris", lead_fr="Un chapeau clair.",
        body_fr="<p>Le corps du texte.</p>", image=png_upload(size=(1600, 900)),
        image_alt_fr="Des personnes réfugiées", image_credit_fr="OIM 2024 / A. Photographe",
        publication_date=timezone.make_aware(datetime(2024, 3, 14, 10, 0)),
        programme_areas=[area], partners=[partner, hidden_partner], media_contacts=[contact],
    )
    factories.RelatedLinkFactory(release=release, label_fr="Le rapport complet", url="https://example.org/rapport")

    page = html(client.get(release.get_absolute_url()))
    assert "<h1>L’OIM soutient les réfugiés</h1>" in page
    assert "Paris" in page and '<time datetime="2024-03-14T10:00:00+01:00">14 mars 2024</time>' in page
    assert "Un chapeau clair." in page and "<p>Le corps du texte.</p>" in page
    assert "© OIM 2024 / A. Photographe" in page
    assert 'href="https://example.org/rapport">Le rapport complet</a>' in page
    assert f'href="{area.get_absolute_url()}">Intégration des réfugiés</a>' in page
    assert partner.get_absolute_url() in page
    assert "Partenaire en brouillon" not in page
    assert "Camille Martin" in page and "Chargée de presse" in page
    assert 'href="tel:+33140440640">+33 1 40 44 06 40</a>' in page
    assert 'href="mailto:presse@example.org"' in page


def test_release_image_is_a_webp_rendition_with_size_and_srcset_never_the_original(client, png_upload, media_root):
    release = factories.NewsReleaseFactory(image=png_upload(size=(2000, 1000)), image_alt_fr="Une photo")
    page = html(client.get(release.get_absolute_url()))
    img = re.search(r"<img [^>]*>", page.split("<main", 1)[1]).group(0)
    assert release.image.file.url not in page
    assert 'alt="Une photo"' in img
    src = re.search(r'src="([^"]+)"', img).group(1)
    assert src.startswith("/media/renditions/") and src.endswith(".webp")
    assert 'width="1200" height="600"' in img
    assert re.search(r'srcset="[^"]+480w, [^"]+800w, [^"]+1200w"', img)
    assert 'loading="lazy"' not in img  # the article's image is above the fold
    assert (media_root / src.removeprefix("/media/")).exists()

    listing = html(client.get("/fr/actualites/"))
    assert release.image.file.url not in listing
    assert ".webp" in listing


def test_list_cards_below_the_first_are_lazy(client, png_upload):
    for _ in range(3):
        factories.NewsReleaseFactory(image=png_upload(size=(800, 400)))
    listing = html(client.get("/fr/actualites/")).split("<main", 1)[1]
    images = re.findall(r"<img [^>]*>", listing)
    assert len(images) == 3
    assert 'loading="lazy"' not in images[0]
    assert all('loading="lazy"' in image for image in images[1:])


def test_language_switcher_leads_to_the_same_release_through_its_english_slug(client):
    release = factories.NewsReleaseFactory(title_fr="Journée des réfugiés", title_en="World Refugee Day")
    french = html(client.get(release.get_absolute_url()))
    assert switcher_links(french) == {"fr": "/fr/actualites/journee-des-refugies/",
                                      "en": "/en/news/world-refugee-day/"}
    english = html(client.get("/en/news/world-refugee-day/"))
    assert "<h1>World Refugee Day</h1>" in english
    assert switcher_links(english)["fr"] == "/fr/actualites/journee-des-refugies/"
    assert hreflangs(english) == {"fr": "http://testserver/fr/actualites/journee-des-refugies/",
                                  "x-default": "http://testserver/fr/actualites/journee-des-refugies/",
                                  "en": "http://testserver/en/news/world-refugee-day/"}
    assert canonical(english) == "http://testserver/en/news/world-refugee-day/"


def test_untranslated_release_shows_french_marked_lang_fr_with_a_notice(client):
    release = factories.NewsReleaseFactory(
        title_fr="Seulement en français", title_en="", lead_fr="Chapeau français.", lead_en="",
        body_fr="<p>Corps français.</p>", body_en="", dateline_en="",
    )
    english = html(client.get(f"/en/news/{release.slug_en}/"))
    assert html_lang(english) == "en"
    assert '<h1 lang="fr">Seulement en français</h1>' in english
    assert 'aria-current="page"><span lang="fr">Seulement en français</span></a>' in english
    assert '<p class="lead" lang="fr">Chapeau français.</p>' in english
    assert '<div class="rich-text" lang="fr"><p>Corps français.</p></div>' in english
    assert "not fully translated yet" in english
    # Not advertised as an English page: no hreflang="en", canonical is the French page.
    assert "en" not in hreflangs(english)
    assert canonical(english) == f"http://testserver{release.get_absolute_url_in('fr')}"

    french = html(client.get(release.get_absolute_url_in("fr")))
    assert 'lang="fr">Seulement' not in french
    assert "pas encore entièrement traduit" not in french


def test_translated_release_has_no_fallback_marking(client):
    release = factories.NewsReleaseFactory()
    english = html(client.get(release.get_absolute_url_in("en")))
    main = english.split("<main", 1)[1].split("</main>")[0]
    assert 'lang="fr"' not in main
    assert "not fully translated" not in english


def test_release_json_ld_is_a_news_article_with_media_contacts(client):
    contact = factories.PersonFactory(name="Camille Martin", email="presse@example.org")
    release = factories.NewsReleaseFactory(title_fr="Un titre </script><script>alert(1)</script>",
                                           media_contacts=[contact])
    page = html(client.get(release.get_absolute_url()))
    assert "<script>alert(1)" not in page
    blocks = json_ld(page)
    article = next(block for block in blocks if block["@type"] == "NewsArticle")
    assert article["headline"] == "Un titre </script><script>alert(1)</script>"
    assert article["datePublished"] == release.publication_date.isoformat()
    assert article["inLanguage"] == "fr"
    person = next(block for block in blocks if block["@type"] == "Person")
    assert person["name"] == "Camille Martin"
    assert person["contactPoint"]["@type"] == "ContactPoint"
    assert person["contactPoint"]["email"] == "presse@example.org"


def _feed_items(response):
    root = ElementTree.fromstring(response.content)
    if root.tag == "rss":
        return [item.findtext("title") for item in root.iter("item")], root.find("channel").findtext("language")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    return [entry.findtext("a:title", namespaces=ns) for entry in root.findall("a:entry", ns)], root.get(
        "{http://www.w3.org/XML/1998/namespace}lang")


@pytest.mark.parametrize(("url", "kind", "language", "title"), [
    ("/fr/actualites/flux/rss/", "application/rss+xml", "fr", "Communiqué publié"),
    ("/fr/actualites/flux/atom/", "application/atom+xml", "fr", "Communiqué publié"),
    ("/en/news/feed/rss/", "application/rss+xml", "en", "Published release"),
    ("/en/news/feed/atom/", "application/atom+xml", "en", "Published release"),
])
def test_feeds_list_published_releases_in_each_language(client, url, kind, language, title):
    factories.NewsReleaseFactory(title_fr="Communiqué publié", title_en="Published release")
    factories.NewsReleaseFactory(title_fr="Brouillon", title_en="Draft", status=Status.DRAFT)
    factories.NewsReleaseFactory(title_fr="Demain", title_en="Tomorrow", publication_date=timezone.now() + timedelta(1))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(kind)
    titles, feed_language = _feed_items(response)
    assert titles == [title]
    assert feed_language == language


def test_area_feeds_list_only_that_areas_releases_and_are_discoverable(client):
    area = factories.ProgrammeAreaFactory(title_fr="Migration et climat", title_en="Migration and climate")
    factories.NewsReleaseFactory(title_fr="Sur le climat", title_en="On climate", programme_areas=[area])
    factories.NewsReleaseFactory(title_fr="Autre sujet", title_en="Other topic")
    for url, title in ((f"/fr/actualites/flux/{area.slug_fr}/rss/", "Sur le climat"),
                       (f"/fr/actualites/flux/{area.slug_fr}/atom/", "Sur le climat"),
                       (f"/en/news/feed/{area.slug_en}/rss/", "On climate"),
                       (f"/en/news/feed/{area.slug_en}/atom/", "On climate")):
        titles, _language = _feed_items(client.get(url))
        assert titles == [title], url
    assert client.get("/fr/actualites/flux/domaine-inconnu/rss/").status_code == 404

    area_page = html(client.get(area.get_absolute_url()))
    assert (f'<link rel="alternate" type="application/rss+xml" title="Migration et climat – RSS" '
            f'href="/fr/actualites/flux/{area.slug_fr}/rss/">') in area_page
    home = html(client.get("/en/"))
    assert 'type="application/rss+xml" title="IOM France – press releases (RSS)" href="/en/news/feed/rss/"' in home
    assert 'type="application/atom+xml" title="IOM France – press releases (Atom)" href="/en/news/feed/atom/"' in home


def _news_world(releases):
    areas = factories.ProgrammeAreaFactory.create_batch(3)
    partners = factories.PartnerFactory.create_batch(3)
    people = factories.PersonFactory.create_batch(3)
    created = []
    for number in range(releases):
        release = factories.NewsReleaseFactory(programme_areas=areas, partners=partners, media_contacts=people,
                                               publication_date=days_ago(number + 1))
        factories.RelatedLinkFactory.create_batch(2, release=release)
        created.append(release)
    factories.PageFactory.create_batch(releases // 2, show_in_menu=True)
    return areas[0], created[0]


# One page of releases (the menu pages, the areas and years for the filters and the count of each filter are kept
# by content version).
NEWS_LIST_QUERIES = 1
# The release, its links, contacts, areas and partners (the menu pages are kept by content version).
NEWS_DETAIL_QUERIES = 5


@pytest.mark.parametrize("releases", [10, 30])
def test_news_pages_run_a_fixed_number_of_queries(client, releases):
    area, release = _news_world(releases)
    assert count_queries(client, "/fr/actualites/") == NEWS_LIST_QUERIES
    assert count_queries(client, f"/en/news/?area={area.pk}&year={timezone.now().year}&page=1") == NEWS_LIST_QUERIES
    assert count_queries(client, release.get_absolute_url()) == NEWS_DETAIL_QUERIES
    assert count_queries(client, "/fr/actualites/flux/rss/") == 1
    assert count_queries(client, f"/fr/actualites/flux/{area.slug}/atom/") == 2
