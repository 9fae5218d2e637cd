"""The page cache forgets only what a change touched, and is never wrong.

Every test here builds one small site, visits every public page in both
languages so that each is stored, makes one change, and then:

- checks that each page the reader gets next is exactly what a fresh render
  gives (the whole cache emptied, the page cache off): never wrong;
- checks which pages were served from the cache: the pages that do not show
  what changed stay stored (in proportion to the change).
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from core.models import Status
from editorial.workflow import content_publish, content_unpublish
from identity.models import SiteIdentity
from news.models import NewsRelease
from tests import factories

pytestmark = pytest.mark.django_db


class Site:
    """Two areas, two partners, a contact, three releases and a draft, and their public addresses."""

    def __init__(self):
        self.area_a = factories.ProgrammeAreaFactory(title_fr="Intégration des migrants", title_en="Integration")
        self.area_b = factories.ProgrammeAreaFactory(title_fr="Retour volontaire", title_en="Voluntary return")
        self.partner_p = factories.PartnerFactory(name_fr="UNESCO", name_en="UNESCO")
        self.partner_q = factories.PartnerFactory(name_fr="OCDE", name_en="OECD")
        self.office = factories.OfficeFactory(name_fr="Bureau de Paris", name_en="Paris office", city="Paris")
        self.contact = factories.PersonFactory(office=self.office, name="Alice Martin")
        now = timezone.now()
        self.r1 = factories.NewsReleaseFactory(
            title_fr="Premier communiqué", title_en="First release", publication_date=now - timedelta(days=3),
            programme_areas=[self.area_a], partners=[self.partner_p], media_contacts=[self.contact])
        self.link = factories.RelatedLinkFactory(release=self.r1, label_fr="Rapport annuel", label_en="Annual report")
        self.r2 = factories.NewsReleaseFactory(
            title_fr="Deuxième communiqué", title_en="Second release", publication_date=now - timedelta(days=2),
            programme_areas=[self.area_b], partners=[self.partner_q])
        self.r3 = factories.NewsReleaseFactory(
            title_fr="Troisième communiqué", title_en="Third release", publication_date=now - timedelta(days=1),
            programme_areas=[self.area_a], partners=[self.partner_p])
        self.draft = factories.NewsReleaseFactory(
            title_fr="Communiqué en attente", title_en="Pending release", status=Status.DRAFT,
            publication_date=now - timedelta(hours=1), programme_areas=[self.area_a], partners=[self.partner_p])
        self.page = factories.PageFactory(title_fr="Mentions légales", title_en="Legal notice")

    def urls(self):
        urls = {}
        for language in ("fr", "en"):
            with override(language):
                urls.update({
                    f"home {language}": reverse("home"),
                    f"news {language}": reverse("news:list"),
                    f"news area {language}": f"{reverse('news:list')}?area={self.area_a.pk}",
                    f"rss {language}": reverse("news:feed_rss"),
                    f"atom {language}": reverse("news:feed_atom"),
                    f"area feed {language}": reverse("news:area_feed_rss", kwargs={"area": self.area_a.slug}),
                    f"areas {language}": reverse("programmes:list"),
                    f"partners {language}": reverse("partners:list"),
                    f"offices {language}": reverse("offices:list"),
                    f"office {language}": self.office.get_absolute_url(),
                    f"page {language}": self.page.get_absolute_url(),
                    f"search {language}": f"{reverse('search')}?q=communiqu%C3%A9",
                })
                for name in ("r1", "r2", "r3", "area_a", "area_b", "partner_p", "partner_q"):
                    urls[f"{name} {language}"] = getattr(self, name).get_absolute_url()
        urls["sitemap"] = reverse("sitemap")
        return urls


def visit(client, urls):
    """Each page's status, cache header and body."""
    answers = {}
    for name, url in urls.items():
        response = client.get(url)
        answers[name] = (response.status_code, response.get("X-Cache", ""), response.content)
    return answers


def warm(client, urls):
    visit(client, urls)
    assert {name: x_cache for name, (_status, x_cache, _body) in visit(client, urls).items()
            if x_cache != "HIT"} == {}


def fresh(client, urls):
    """What each page is when nothing at all is kept: the cache emptied, the page cache off."""
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=0):
        return visit(client, urls)


def served_after(client, site, change):
    """Warm every page, apply ``change``, and return (pages served from the cache, pages that differ)."""
    urls = site.urls()
    warm(client, urls)
    change(site)
    urls = site.urls()  # a new title may give a new address
    served = visit(client, urls)
    expected = fresh(client, urls)
    wrong = sorted(name for name in urls if served[name][::2] != expected[name][::2])
    hits = {name for name, (_status, x_cache, _body) in served.items() if x_cache == "HIT"}
    return hits, wrong


@pytest.fixture
def site():
    return Site()


def test_rendering_is_repeatable_so_that_the_comparison_means_something(client, site):
    urls = site.urls()
    first = fresh(client, urls)
    assert {name: status for name, (status, _x, _body) in first.items() if status != 200} == {}
    assert fresh(client, urls) == first
    hits, wrong = served_after(client, site, lambda site: None)
    assert wrong == []
    assert hits == set(urls)


def test_a_stale_page_would_be_caught(client, site):
    """The comparison fails when the cache is bypassed by a change it cannot see (a raw SQL update)."""
    from django.db import connection

    urls = site.urls()
    warm(client, urls)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE news_newsrelease SET title_fr = 'Titre changé en douce' WHERE id = %s", [site.r2.pk])
    served = visit(client, urls)
    assert "Titre changé en douce".encode() not in served["r2 fr"][2]
    assert "Titre changé en douce".encode() in fresh(client, urls)["r2 fr"][2]


def publish_draft(site):
    site.draft.status = Status.PUBLISHED
    site.draft.save()


def edit_r1_title(site):
    site.r1.title_fr = "Premier communiqué, corrigé"
    site.r1.save()


def unpublish_r3(site):
    site.r3.status = Status.DRAFT
    site.r3.save()


def delete_r3(site):
    site.r3.delete()


def rename_partner_p(site):
    site.partner_p.name_fr = "Organisation des Nations unies pour l’éducation"
    site.partner_p.save()


def unpublish_partner_q(site):
    site.partner_q.status = Status.DRAFT
    site.partner_q.save()


def rename_area_b(site):
    site.area_b.title_fr = "Retour volontaire et réintégration"
    site.area_b.save()


def publish_new_area_of_r2(site):
    area = factories.ProgrammeAreaFactory(title_fr="Lutte contre la traite", status=Status.DRAFT)
    site.r2.programme_areas.add(area)
    area.status = Status.PUBLISHED
    area.save()


def add_partner_to_r1(site):
    site.r1.partners.add(site.partner_q)


def add_release_to_partner(site):
    site.partner_q.news_releases.add(site.r3)


def remove_area_from_r1(site):
    site.r1.programme_areas.remove(site.area_a)


def clear_partners_of_r1(site):
    site.r1.partners.clear()


def add_link(site):
    factories.RelatedLinkFactory(release=site.r2, label_fr="Communiqué de l’OIM", label_en="IOM statement")


def edit_link(site):
    site.link.label_fr = "Rapport annuel 2024"
    site.link.save()


def delete_link(site):
    site.link.delete()


def move_link(site):
    site.link.release = site.r2
    site.link.save()


def rename_contact(site):
    site.contact.name, site.contact.given_names = "Alicia Martin", "Alicia"
    site.contact.save()


def rename_office(site):
    site.office.name_fr = "Bureau pays de Paris"
    site.office.save()


def new_menu_page(site):
    factories.PageFactory(title_fr="Nous rejoindre", title_en="Join us", show_in_menu=True)


def rename_identity(site):
    identity, _created = SiteIdentity.objects.get_or_create(pk=SiteIdentity.SINGLE_PK)
    identity.name_fr = "OIM France – ONU Migration"
    identity.save()


def new_project_in_area_a(site):
    factories.ProjectFactory(area=site.area_a, name_fr="Projet pilote à Marseille")


CHANGES = [
    publish_draft, edit_r1_title, unpublish_r3, delete_r3, rename_partner_p, unpublish_partner_q, rename_area_b,
    publish_new_area_of_r2, add_partner_to_r1, add_release_to_partner, remove_area_from_r1, clear_partners_of_r1,
    add_link, edit_link, delete_link, move_link, rename_contact, rename_office, new_menu_page, rename_identity,
    new_project_in_area_a,
]


@pytest.mark.parametrize("change", CHANGES, ids=[change.__name__ for change in CHANGES])
def test_after_any_change_every_page_is_what_a_fresh_render_gives(client, site, change):
    _hits, wrong = served_after(client, site, change)
    assert wrong == []


def pages(*names):
    return {f"{name} {language}" for name in names for language in ("fr", "en")}


def test_publishing_a_release_renews_the_pages_that_show_it_and_no_other_release(client, site):
    hits, wrong = served_after(client, site, publish_draft)
    assert wrong == []
    # Its lists, feeds, home page, search, and the area and partner it is filed under.
    renewed = pages("home", "news", "news area", "rss", "atom", "area feed", "search", "area_a", "partner_p")
    assert renewed.isdisjoint(hits)
    assert "sitemap" not in hits
    # The other releases' pages, and what does not list releases, stay stored.
    assert pages("r1", "r2", "r3", "area_b", "partner_q", "partners", "offices", "office", "page") <= hits


def test_an_edited_partner_appears_on_the_release_pages_that_name_it(client, site):
    hits, wrong = served_after(client, site, rename_partner_p)
    assert wrong == []
    assert pages("r1", "r3", "partner_p", "partners").isdisjoint(hits)
    assert pages("r2", "partner_q") <= hits


def test_a_new_link_renews_its_release_only(client, site):
    hits, wrong = served_after(client, site, add_link)
    assert wrong == []
    assert pages("r2").isdisjoint(hits)
    assert pages("r1", "r3", "home", "news", "partner_q", "area_b") <= hits


def test_the_services_publish_and_unpublish_reach_the_next_request(client, site, publisher):
    urls = site.urls()
    warm(client, urls)
    assert content_publish(obj=site.draft, user=publisher) == []
    with override("fr"):
        assert "Communiqué en attente" in client.get(site.draft.get_absolute_url()).content.decode()
    assert "Communiqué en attente" in client.get(urls["news fr"]).content.decode()
    content_unpublish(obj=NewsRelease.objects.get(pk=site.r1.pk), user=publisher)
    assert client.get(urls["r1 fr"]).status_code == 404
    assert "Premier communiqué" not in client.get(urls["news fr"]).content.decode()
    assert "Premier communiqué" not in client.get(urls["partner_p fr"]).content.decode()
