"""A small site with every public page type filled in, for checks that read whole pages.

Each kind of page gets the parts its template can show (image, contacts,
filters, links, projects, publications…), so a check over these pages
covers every branch a reader may meet.
"""

from datetime import timedelta

from django.utils import timezone

from tests import factories


def build_site(image_upload=None):
    """Create the content and return {page type: (French URL, English URL)}."""
    now = timezone.now()
    office = factories.OfficeFactory(name_fr="Bureau de Paris", name_en="Paris office", role_fr="Bureau pays",
                                     role_en="Country office", summary_fr="Le bureau de l’OIM à Paris.",
                                     summary_en="IOM’s office in Paris.", postal_code="75007",
                                     description_fr="<p>Description du bureau.</p>",
                                     description_en="<p>Description of the office.</p>",
                                     opening_date=now.date() - timedelta(days=3650))
    factories.ActivityDomainFactory(office=office, description_fr="Accueil.", description_en="Reception.")
    press = factories.PersonFactory(name="Jeanne Martin", office=office)
    factories.PersonFactory(name="Paul Durand", office=None)
    area = factories.ProgrammeAreaFactory(title_fr="Intégration des personnes réfugiées",
                                          title_en="Integration of refugees", body_fr="<p>Le programme.</p>",
                                          body_en="<p>The programme.</p>")
    area.contacts.set([press])
    factories.ProjectFactory(area=area, url="https://www.iom.int/", countries_fr="France", countries_en="France",
                             summary_fr="Un projet.", summary_en="A project.")
    factories.ProjectFactory(area=area)
    factories.PublicationFactory(area=area, year=2021, language="fr")
    factories.PublicationFactory(area=area, year=2023, language="en")
    partner_options = {"logo": image_upload(size=(320, 160)), "logo_alt_fr": "Logo de l’UNESCO",
                       "logo_alt_en": "UNESCO logo"} if image_upload else {}
    partner = factories.PartnerFactory(name_fr="Organisation des Nations Unies pour l’éducation",
                                       name_en="United Nations Educational Organization", acronym_fr="UNESCO",
                                       body_fr="<p>Coopération.</p>", body_en="<p>Cooperation.</p>",
                                       **partner_options)
    image_options = {"image": image_upload(size=(1600, 900)), "image_alt_fr": "Des personnes réfugiées",
                     "image_alt_en": "Refugees", "image_credit_fr": "OIM 2024"} if image_upload else {}
    release = factories.NewsReleaseFactory(title_fr="Journée mondiale des réfugiés", title_en="World Refugee Day",
                                           slug_fr="journee-des-refugies", slug_en="world-refugee-day",
                                           programme_areas=[area], partners=[partner], media_contacts=[press],
                                           publication_date=now - timedelta(days=2, microseconds=123456),
                                           **image_options)
    factories.RelatedLinkFactory(release=release)
    for number in range(11):
        factories.NewsReleaseFactory(title_fr=f"Communiqué sur l’intégration {number}",
                                     title_en=f"Release on integration {number}",
                                     publication_date=now - timedelta(days=number + 3, microseconds=654321),
                                     programme_areas=[area])
    page = factories.PageFactory(title_fr="Mentions légales", title_en="Legal notice", slug_fr="mentions-legales",
                                 slug_en="legal-notice", summary_fr="Éditeur du site.", summary_en="Publisher.")
    factories.PageFactory(title_fr="Actualités de l’OIM", title_en="IOM news", section="news:list",
                          show_in_menu=True, summary_fr="Les communiqués.", summary_en="The releases.")
    about = factories.PageFactory(title_fr="Qui sommes-nous", title_en="About us", slug_fr="a-propos",
                                  slug_en="about", show_in_menu=True, summary_fr="L’OIM en France.",
                                  summary_en="IOM in France.")
    factories.PageFactory(title_fr="Notre histoire", title_en="Our history", parent=about, show_in_menu=True)

    def both(obj):
        return obj.get_absolute_url_in("fr"), obj.get_absolute_url_in("en")

    return {
        "home": ("/fr/", "/en/"),
        "news list": ("/fr/actualites/", "/en/news/"),
        "news list filtered": (f"/fr/actualites/?area={area.pk}&year={now.year}&page=1",
                               f"/en/news/?area={area.pk}&year={now.year}&page=1"),
        "news detail": both(release),
        "area list": ("/fr/programmes/", "/en/programmes/"),
        "area detail": both(area),
        "area detail filtered": (f"{area.get_absolute_url_in('fr')}?year=2021&language=fr",
                                 f"{area.get_absolute_url_in('en')}?year=2021&language=fr"),
        "partner list": ("/fr/partenaires/", "/en/partners/"),
        "partner detail": both(partner),
        "office list": ("/fr/bureaux/", "/en/offices/"),
        "office detail": both(office),
        "team": ("/fr/bureaux/equipe/", "/en/offices/team/"),
        "page": both(page),
        "search with results": ("/fr/recherche/?q=intégration", "/en/search/?q=integration"),
        "search without results": ("/fr/recherche/?q=zzzzzz", "/en/search/?q=zzzzzz"),
        "empty search": ("/fr/recherche/", "/en/search/"),
        "404": ("/fr/nulle-part/", "/en/nowhere/"),
    }
