"""``manage.py load_initial_content``: the real OIM France content, in French and English, safe to re-run."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.i18n import is_translated
from core.models import Status
from news.models import NewsRelease, RelatedLink
from offices.models import ActivityDomain, Office, Person
from pages.models import Page
from partners.models import Partner
from programmes.models import ProgrammeArea, Project, Publication

pytestmark = pytest.mark.django_db

MODELS = [Office, ActivityDomain, Person, Partner, ProgrammeArea, Project, Publication, NewsRelease, RelatedLink, Page]
PUBLISHABLE = [Office, Partner, ProgrammeArea, NewsRelease, Page]
M2M = [(ProgrammeArea, "contacts"), (NewsRelease, "media_contacts")]


def load(*args, **kwargs):
    kwargs.setdefault("verbosity", 0)
    call_command("load_initial_content", "--no-input", *args, **kwargs)


@pytest.fixture
def loaded():
    load()


def snapshot():
    """Every row of every model the loader touches, with its many-to-many links."""
    state = {model.__name__: sorted(model.objects.order_by("pk").values(), key=lambda row: row["id"])
             for model in MODELS}
    for model, name in M2M:
        state[f"{model.__name__}.{name}"] = sorted(
            model.objects.filter(**{f"{name}__isnull": False}).values_list("pk", f"{name}__pk")
        )
    return state


def text(value):
    return re.sub(r"\s+", " ", value)


# -- the facts, in both languages ---------------------------------------------


def test_about_page_gives_role_objectives_domains_and_iom_founding_in_both_languages(loaded):
    about = Page.objects.get(slug_fr="a-propos")
    assert about.is_published
    fr, en = text(about.body_fr), text(about.body_en)
    assert "interlocutrice des institutions, des associations" in fr
    assert "organisations internationales dont le siège est en France" in fr
    assert "counterpart of the French institutions, associations" in en
    # Five objectives, as an ordered list, in each language.
    for body in (fr, en):
        objectives = re.search(r"<ol>(.*?)</ol>", body).group(1)
        assert objectives.count("<li>") == 5
    for fact in ("regroupement familial des réfugiés reconnus", "réinstallation", "OFII", "aide au retour volontaire",
                 "mineurs étrangers non accompagnés", "traite des êtres humains", "UNESCO", "INTERPOL (à Lyon)",
                 "VIH/sida", "co-développement", "Fondée en 1951"):
        assert fact in fr, fact
    for fact in ("family reunification for refugees recognised", "resettlement", "OFII", "assisted voluntary return",
                 "unaccompanied foreign minors", "trafficking in human beings", "INTERPOL (in Lyon)", "HIV/AIDS",
                 "co-development", "Founded in 1951"):
        assert fact in en, fact
    # The more recent figures only, dated; the June 2012 count is gone.
    assert "175 États membres" in fr and "171 pays" in fr and "novembre 2026" in fr
    assert "175 member States" in en and "171 countries" in en and "November 2026" in en
    assert "146" not in fr + en


def test_offices_paris_liaison_mission_and_marseille_ciform(loaded):
    paris = Office.objects.get(slug_fr="paris")
    marseille = Office.objects.get(slug_fr="marseille")
    assert (paris.city_fr, paris.city_en) == ("Paris", "Paris")
    assert "mission spéciale de liaison" in paris.role_fr and "special liaison mission" in paris.role_en
    assert "Strasbourg" in paris.description_fr and "Lyon" in paris.description_en

    assert marseille.opening_date == datetime.date(2007, 10, 1)
    assert "CIFORM" in marseille.role_fr and "CIFORM" in marseille.role_en
    assert "octobre 2007" in marseille.description_fr and "October 2007" in marseille.description_en
    assert "Mairie" in marseille.description_fr and "City Council" in marseille.description_en
    assert "Directeur de l’OIM France" in marseille.description_fr
    domains = list(marseille.domains.all())
    assert [d.title_en for d in domains] == [
        "Information on the realities of migration and legal migration routes",
        "Training for professionals",
        "Meetings on migration",
    ]
    assert "projet CVR dans la région PACA" in domains[0].description_fr
    assert "CVR project in the PACA region" in domains[0].description_en
    assert all(d.title_fr and d.title_en and d.description_en for d in domains)


def test_six_partners_with_headquarters_website_and_cooperation(loaded):
    partners = {p.slug_fr: p for p in Partner.objects.all()}
    assert list(partners) == ["unesco", "conseil-de-l-europe", "ocde", "ceb", "interpol", "oif"]
    cities = {slug: (p.headquarters_city_fr, p.headquarters_city_en) for slug, p in partners.items()}
    assert cities == {
        "unesco": ("Paris", "Paris"), "conseil-de-l-europe": ("Strasbourg", "Strasbourg"), "ocde": ("Paris", "Paris"),
        "ceb": ("Paris", "Paris"), "interpol": ("Lyon", "Lyon"), "oif": ("Paris", "Paris"),
    }
    assert partners["ocde"].website == "https://www.oecd.org"
    assert (partners["ocde"].acronym_fr, partners["ocde"].acronym_en) == ("OCDE", "OECD")
    assert [p.website for slug, p in partners.items() if slug != "ocde"] == [""] * 5

    unesco = partners["unesco"]
    assert "musées des migrations" in unesco.body_fr and "migration museums" in unesco.body_en
    assert "Charte sur les droits des migrants" in unesco.body_fr and "charter on migrants’ rights" in unesco.body_en
    coe = partners["conseil-de-l-europe"]
    recommendation = "http://assembly.coe.int/Main.asp?link=/Documents/AdoptedText/ta07/EREC1806.htm"
    for body in (coe.body_fr, coe.body_en):
        assert recommendation in body
    assert "Comité européen sur les migrations" in coe.body_fr and "octobre 2007" in coe.body_fr
    assert "European Committee on Migration" in coe.body_en and "October 2007" in coe.body_en
    assert "observateur" in coe.body_fr and "observer" in coe.body_en
    ocde = partners["ocde"]
    assert "Direction de l’Emploi, du Travail et des Affaires sociales" in ocde.body_fr
    assert "Directorate for Employment, Labour and Social Affairs" in ocde.body_en
    assert "vocation sociale" in partners["ceb"].body_fr and "social mission" in partners["ceb"].body_en
    assert "trafic de migrants" in partners["interpol"].body_fr
    assert "smuggling of migrants" in partners["interpol"].body_en
    oif = partners["oif"]
    assert "Francophonie et Migrations" in oif.body_fr and "(OIM, 2002)" in oif.body_fr
    assert "Francophonie et Migrations" in oif.body_en and "(IOM, 2002)" in oif.body_en


def test_partners_ship_without_a_drawn_stand_in_for_their_logo(loaded, client):
    """The organisations' artwork is theirs: no invented logo; their cards and pages stand without one."""
    from library.models import Image

    assert Partner.objects.count() == 6 and not Partner.objects.exclude(logo=None).exists()
    assert not Image.objects.filter(title__icontains="provisoire").exclude(collection__name="Identité du site").exists()
    unesco = Partner.objects.get(slug_fr="unesco")
    for url in ("/fr/partenaires/", unesco.get_absolute_url(), "/en/partners/"):
        page = client.get(url).content.decode()
        assert "illustration provisoire" not in page and "placeholder" not in page.lower(), url
        assert "UNESCO" in page


def test_two_press_releases_with_dates_datelines_quotes_links_and_media_contact(loaded):
    paris_tz = datetime.timezone(datetime.timedelta(hours=2))
    forum, botswana = NewsRelease.objects.order_by("publication_date")
    assert forum.publication_date.astimezone(paris_tz).date() == datetime.date(2007, 7, 5)
    assert (forum.dateline_fr, forum.dateline_en) == ("Bruxelles", "Brussels")
    assert "9 au 12 juillet 2007" in forum.lead_fr and "9 to 12 July 2007" in forum.lead_en
    for body in (forum.body_fr, forum.body_en):
        assert "Brunson McKinley" in body and "Ndioro Ndiaye" in body
        assert body.count("<blockquote>") == 2
    assert "Mais il faut que le dialogue débouche sur l’action." in forum.body_fr
    assert "But dialogue must lead to action." in forum.body_en
    assert "MIDA" in forum.body_fr and "Colombo" in forum.body_en

    assert botswana.publication_date.astimezone(paris_tz).date() == datetime.date(2011, 10, 21)
    assert (botswana.dateline_fr, botswana.dateline_en) == ("Gaborone", "Gaborone")
    assert "25 octobre 2011" in botswana.body_fr and "25 October 2011" in botswana.body_en
    assert "William Lacy Swing" in botswana.body_fr and "William Lacy Swing" in botswana.body_en
    assert "90 participants" in botswana.body_en and "17 pays" in botswana.body_fr
    links = list(botswana.links.all())
    assert [link.url for link in links] == [
        "http://www.iom.int/jahia/Jahia/regional-consultative-processes/lang/en",
        "https://www.iom.int/2011-global-iscm-consultation",
    ]
    assert [link.label_en for link in links] == [
        "Regional Consultative Processes", "Enhancing Cooperation on Migration through Dialogue and Capacity Building",
    ]
    assert links[0].label_fr == "Processus consultatifs régionaux"
    (contact,) = botswana.media_contacts.all()
    assert (contact.name, contact.email, contact.phone) == ("Maureen Achieng", "machieng@iom.int", "+41798297136")
    assert contact.job_title_fr and contact.job_title_en
    assert not forum.media_contacts.exists()


def test_integration_areas_projects_publications_and_contacts(loaded):
    areas = list(ProgrammeArea.objects.all())
    assert [a.title_fr for a in areas] == [
        "Orientation et formation des migrants avant et après leur arrivée",
        "Inclusion sur le marché du travail et participation du secteur privé",
        "Sensibilisation et lutte contre la xénophobie",
        "Mixité sociale entre les migrants et les communautés",
        "Recherche et analyse pour l’élaboration des politiques et des programmes",
    ]
    assert all(a.title_en and a.summary_en and a.body_en for a in areas)

    projects = list(Project.objects.order_by("order"))
    assert len(projects) == 8
    assert [p.acronym for p in projects if p.acronym] == ["COMMIT", "ADMin4ALL", "R4V", "HELIOS"]
    names = [p.name_fr for p in projects]
    assert "Xénophobie zéro" in names and "Programme Safarni" in names
    assert "Programme d’harmonisation et de cohésion sociale en Turquie" in names
    assert "Programme régional de développement et de protection pour l’Afrique du Nord" in names
    assert all(p.name_en for p in projects)
    assert Project.objects.get(acronym="COMMIT").countries_en == "Croatia, Italy, Portugal, Spain"

    publications = list(Publication.objects.order_by("order"))
    assert len(publications) == 8
    assert {p.language for p in publications} == {"en"}
    assert all(p.url.startswith("https://") for p in publications)
    assert publications[0].title_fr.startswith("Countering Xenophobia and Stigma")
    assert publications[-1].title_en == "EU Integration Best Practices"

    koehler = Person.objects.get(name="Jobst Koehler")
    dela_cruz = Person.objects.get(name="Ace Dela Cruz")
    assert koehler.job_title_fr == "Chef d’unité, Formation et intégration des migrants"
    assert koehler.job_title_en == "Head of Unit, Migrant Training and Integration"
    assert koehler.email == "jkoehler@iom.int"
    assert dela_cruz.job_title_fr == "Coordinateur de projet, Intégration des migrants et cohésion sociale"
    assert dela_cruz.email == "acedelacruz@iom.int"
    for area in areas:
        assert set(area.contacts.all()) == {koehler, dela_cruz}


def test_navigation_is_built_from_published_pages_and_sections(loaded):
    menu = Page.objects.published().filter(show_in_menu=True, parent=None).order_by("order")
    assert [(p.title_fr, p.title_en) for p in menu] == [
        ("Qui sommes-nous", "Who we are"),
        ("Notre travail", "Our work"),
        ("Partenariats", "Partnerships"),
        ("Où nous travaillons", "Where we work"),
        ("Actualités", "News"),
        ("Agir", "Get involved"),
        ("Données et recherche", "Data and research"),
    ]
    sections = dict(Page.objects.exclude(section=None).values_list("section", "title_fr"))
    assert sections == {
        "programmes:list": "Notre travail", "partners:list": "Partenariats", "offices:list": "Où nous travaillons",
        "news:list": "Actualités", "offices:team": "Équipe",
    }
    for language in ("fr", "en"):
        with translation.override(language):
            assert Page.objects.get(section="partners:list").get_absolute_url() == reverse("partners:list")
    assert Page.objects.get(section="offices:team").parent.slug_fr == "a-propos"

    legal = Page.objects.get(slug_fr="mentions-legales")
    accessibility = Page.objects.get(slug_fr="accessibilite")
    assert not legal.show_in_menu and not accessibility.show_in_menu
    assert (legal.title_en, accessibility.title_en) == ("Legal notice", "Accessibility statement")
    assert "non conforme" in accessibility.body_fr and "not compliant" in accessibility.body_en
    assert "RGAA" in accessibility.body_fr and "RGAA" in accessibility.body_en


def test_everything_is_published_now_and_has_english(loaded):
    for model in PUBLISHABLE:
        objects = list(model.objects.all())
        assert objects, model
        assert model.objects.published().count() == len(objects)
        assert all(obj.status == Status.PUBLISHED and is_translated(obj) for obj in objects), model
    for model in (ActivityDomain, Person, Project, Publication, RelatedLink):
        assert all(is_translated(obj) for obj in model.objects.all()), model
    for page in Page.objects.all():
        assert page.summary_en and page.body_en and page.slug_en, page.slug_fr


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.headings, self.links, self._link = [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a":
            self._link = ""

    def handle_data(self, data):
        if self._link is not None:
            self._link += data

    def handle_endtag(self, tag):
        if tag == "a":
            self.links.append(self._link.strip())
            self._link = None


SIMPLE_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "blockquote"}
VAGUE = {"ici", "cliquez ici", "click here", "here", "read more", "lire la suite", "en savoir plus", "lien", "link"}


def rich_texts():
    for model, fields in ((Page, ["body"]), (Office, ["description"]), (Partner, ["body"]),
                          (ProgrammeArea, ["body"]), (NewsRelease, ["body"])):
        for obj in model.objects.all():
            for name in fields:
                for language in ("fr", "en"):
                    yield f"{model.__name__} {obj.pk} {name}_{language}", getattr(obj, f"{name}_{language}")


def test_rich_text_is_simple_accessible_html(loaded):
    for where, html in rich_texts():
        outline = _Outline()
        outline.feed(html)
        assert set(outline.tags) <= SIMPLE_TAGS, (where, set(outline.tags) - SIMPLE_TAGS)
        if outline.headings:
            assert outline.headings[0] == 2, where
            assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:], strict=False)), where
        for label in outline.links:
            assert label and label.lower().strip(" .:") not in VAGUE, (where, label)


def test_loaded_content_passes_the_checks_that_gate_publishing(loaded):
    from editorial.checks import check_object

    for model in PUBLISHABLE:
        for obj in model.objects.all():
            assert check_object(obj) == [], (model.__name__, obj.pk, [str(p) for p in check_object(obj)])


# -- behaviour ------------------------------------------------------------------


def test_second_run_writes_nothing_and_changes_nothing(loaded):
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        load()
    writes = [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]
    assert writes == []
    assert snapshot() == before


def test_admin_edits_and_deletions_survive_a_rerun(loaded):
    unesco = Partner.objects.get(slug_fr="unesco")
    unesco.summary_fr = "Résumé réécrit par la rédaction."
    unesco.save()
    Project.objects.get(acronym="R4V").delete()
    Page.objects.filter(slug_fr="agir").update(show_in_menu=False)

    out = _run("--verbosity", "1")

    unesco.refresh_from_db()
    assert unesco.summary_fr == "Résumé réécrit par la rédaction."
    assert not Project.objects.filter(acronym="R4V").exists()
    assert not Page.objects.get(slug_fr="agir").show_in_menu
    assert Partner.objects.count() == 6 and Page.objects.count() == 10
    assert "modifié(s) dans l’admin" in out and "--reset" in out
    assert "non recréé" in out


def test_reset_restores_shipped_content_and_keeps_additions(loaded):
    unesco = Partner.objects.get(slug_fr="unesco")
    unesco.summary_fr = "Résumé réécrit par la rédaction."
    unesco.save()
    Project.objects.get(acronym="R4V").delete()
    extra = Project.objects.create(area=ProgrammeArea.objects.first(), name_fr="Projet ajouté dans l’admin")

    load("--reset")

    unesco.refresh_from_db()
    assert unesco.summary_fr.startswith("Échanges sur l’intégration des migrants")
    assert Project.objects.filter(acronym="R4V").count() == 1
    assert Project.objects.filter(pk=extra.pk).exists()
    assert Partner.objects.count() == 6


def test_reset_asks_for_confirmation_unless_no_input(loaded, monkeypatch):
    Partner.objects.filter(slug_fr="oif").update(summary_fr="Modifié.")
    monkeypatch.setattr("builtins.input", lambda prompt: "non")
    with pytest.raises(CommandError):
        call_command("load_initial_content", "--reset", verbosity=0)
    assert Partner.objects.get(slug_fr="oif").summary_fr == "Modifié."

    monkeypatch.setattr("builtins.input", lambda prompt: "oui")
    call_command("load_initial_content", "--reset", verbosity=0)
    assert Partner.objects.get(slug_fr="oif").summary_fr != "Modifié."


def test_dry_run_shows_the_plan_and_writes_nothing(media_root):
    out = _run("--dry-run", "--verbosity", "2")
    assert all(model.objects.count() == 0 for model in MODELS)
    assert not (media_root / "partners").exists()
    assert "[simulation]" in out and "Partenaires : 6 créé(s)" in out and "rien n’a été enregistré" in out


def test_report_respects_verbosity(media_root):
    assert _run("--verbosity", "0") == ""
    out = _run("--verbosity", "1")
    assert "Partenaires : 6 inchangé(s)" in out and "Pages : 10 inchangé(s)" in out
    assert "« Conseil de l’Europe »" not in out
    assert "« Conseil de l’Europe »" in _run("--verbosity", "2")


def _run(*args):
    from io import StringIO

    out = StringIO()
    call_command("load_initial_content", "--no-input", *args, stdout=out)
    return out.getvalue()


# -- on the public site -----------------------------------------------------------


@pytest.mark.parametrize(("language", "expected"), [("fr", "UNESCO"), ("en", "OECD")])
def test_partner_listing_shows_loaded_partners(loaded, client, language, expected):
    with translation.override(language):
        url = reverse("partners:list")
    response = client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()


@pytest.mark.parametrize(("language", "expected"), [("fr", "Fondée en 1951"), ("en", "Founded in 1951")])
def test_about_page_is_public_in_both_languages(loaded, client, language, expected):
    page = Page.objects.get(slug_fr="a-propos")
    response = client.get(page.get_absolute_url_in(language))
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_a_changed_slug_does_not_make_a_duplicate(loaded):
    Page.objects.filter(slug_fr="agir").update(slug_fr="s-engager")
    Partner.objects.filter(slug_fr="oif").update(slug_en="la-francophonie")

    out = _run("--verbosity", "1")

    assert Page.objects.filter(title_fr="Agir").count() == 1
    assert Partner.objects.filter(acronym_fr="OIF").count() == 1
    assert "Pages : 9 inchangé(s), 1 modifié(s) dans l’admin" in out


def test_runs_from_anywhere_without_the_old_site_files(tmp_path, monkeypatch):
    # The content is Python data in the package: no fixture or seed file is read.
    monkeypatch.chdir(tmp_path)
    load()
    assert (Partner.objects.count(), ProgrammeArea.objects.count(), NewsRelease.objects.count()) == (6, 5, 2)
