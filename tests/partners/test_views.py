from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import Status
from partners.models import PartnerKind
from tests import factories
from tests.public_html import (
    count_queries,
    html,
    html_lang,
    json_ld,
    switcher_links,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def test_partner_list_is_grouped_by_kind_in_both_languages(client):
    factories.PartnerFactory(name_fr="UNESCO", kind=PartnerKind.INTERGOVERNMENTAL)
    factories.PartnerFactory(name_fr="Banque de développement", kind=PartnerKind.FINANCIAL)
    factories.PartnerFactory(name_fr="Partenaire caché", status=Status.DRAFT)
    factories.PartnerFactory(name_fr="Partenaire futur", publication_date=timezone.now() + timedelta(days=1))
    page = html(client.get("/fr/partenaires/"))
    intergovernmental = page.index("<h2 id=\"type-1\">Organisation intergouvernementale</h2>")
    financial = page.index("Institution financière internationale</h2>")
    assert intergovernmental < page.index("UNESCO") < financial < page.index("Banque de développement")
    assert "Partenaire caché" not in page and "Partenaire futur" not in page
    assert "Mission diplomatique</h2>" not in page  # empty kinds get no heading
    english = html(client.get("/en/partners/"))
    assert html_lang(english) == "en"


def test_partner_detail_shows_cooperation_website_and_related_news(client):
    partner = factories.PartnerFactory(name_fr="Organisation de coopération", acronym_fr="OCDE",
                                       body_fr="<p>Nous coopérons sur les migrations.</p>",
                                       website="https://www.oecd.org/", headquarters_city_fr="Paris")
    factories.NewsReleaseFactory(title_fr="Communiqué commun", partners=[partner])
    factories.NewsReleaseFactory(title_fr="Communiqué sans rapport")
    page = html(client.get(partner.get_absolute_url()))
    assert "<h1>Organisation de coopération (OCDE)</h1>" in page
    assert "<p>Nous coopérons sur les migrations.</p>" in page
    assert 'href="https://www.oecd.org/"' in page
    assert "Communiqué commun" in page and "Communiqué sans rapport" not in page
    organization = next(block for block in json_ld(page) if block["@type"] == "Organization")
    assert organization["name"] == "Organisation de coopération"
    assert organization["url"] == "https://www.oecd.org/"

    english = html(client.get(partner.get_absolute_url_in("en")))
    assert switcher_links(english)["fr"] == partner.get_absolute_url_in("fr")


def test_partner_logo_is_a_rendition(client, png_upload):
    partner = factories.PartnerFactory(logo=png_upload(size=(900, 300)), logo_alt_fr="Logo de l’organisation")
    page = html(client.get(partner.get_absolute_url()))
    assert partner.logo.file.url not in page
    assert 'alt="Logo de l’organisation"' in page and 'width="480" height="160"' in page
    listing = html(client.get("/fr/partenaires/"))
    assert partner.logo.file.url not in listing and 'loading="lazy"' in listing


def test_the_library_alt_text_serves_every_use_unless_the_use_overrides_it(client, png_upload):
    from django.utils import translation

    logo = factories.LibraryImageFactory(file=png_upload(size=(900, 300)), alt_text_fr="Logo de l’UNESCO",
                                         alt_text_en="UNESCO logo")
    shared = factories.PartnerFactory(logo=logo)
    own = factories.PartnerFactory(logo=logo, logo_alt_fr="Emblème de l’organisation")
    assert 'alt="Logo de l’UNESCO"' in html(client.get(shared.get_absolute_url()))
    assert 'alt="Emblème de l’organisation"' in html(client.get(own.get_absolute_url()))
    with translation.override("en"):
        assert 'alt="UNESCO logo"' in html(client.get(shared.get_absolute_url()))


def test_draft_scheduled_and_unknown_partners_are_404(client):
    draft = factories.PartnerFactory(status=Status.DRAFT)
    scheduled = factories.PartnerFactory(publication_date=timezone.now() + timedelta(hours=1))
    for url in (draft.get_absolute_url(), scheduled.get_absolute_url(), "/fr/partenaires/inconnu/"):
        assert client.get(url).status_code == 404


# The published partners (the menu pages are kept by content version).
PARTNER_LIST_QUERIES = 1
# The partner, its recent releases.
PARTNER_DETAIL_QUERIES = 2


@pytest.mark.parametrize("rows", [10, 30])
def test_partner_pages_run_a_fixed_number_of_queries(client, rows):
    partners = [factories.PartnerFactory(kind=kind) for kind in PartnerKind.values for _ in range(rows // 5)]
    for _ in range(rows):
        factories.NewsReleaseFactory(partners=partners[:3])
    assert count_queries(client, "/fr/partenaires/") == PARTNER_LIST_QUERIES
    assert count_queries(client, partners[0].get_absolute_url()) == PARTNER_DETAIL_QUERIES
