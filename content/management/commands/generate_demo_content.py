"""Demo content at scale, for trying the site and measuring it (``make bench``).

Everything it creates is marked twice, so that removing it can never touch
real content: slugs start with ``demo-`` *and* the rich text ends with the
demo notice (people: an ``@demo.invalid`` address). Running it again replaces
the previous demo content; ``--remove`` only removes it.

Rows go in with ``bulk_create`` in batches: RichTextField sanitises in
``pre_save``, which ``bulk_create`` calls, so demo HTML is cleaned like any
other.
"""

import random
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.models import Status
from news.models import NewsRelease, RelatedLink
from offices.models import ActivityDomain, Office, Person
from partners.models import Partner, PartnerKind
from programmes.models import ProgrammeArea, Project

SLUG_PREFIX = "demo-"
EMAIL_DOMAIN = "demo.invalid"
NOTICE_FR = "Contenu de démonstration généré automatiquement (generate_demo_content)."
NOTICE_EN = "Demo content generated automatically (generate_demo_content)."

# --- Vocabulary: (French, English) pairs -------------------------------------

TOPICS = [
    ("réinstallation des réfugiés", "refugee resettlement"),
    ("intégration des personnes réfugiées", "integration of refugees"),
    ("aide au retour volontaire", "assisted voluntary return"),
    ("lutte contre la traite des êtres humains", "counter-trafficking"),
    ("migration et changement climatique", "migration and climate change"),
    ("santé des migrants", "migrant health"),
    ("mobilité de la main-d’œuvre", "labour mobility"),
    ("diaspora et développement", "diaspora and development"),
    ("protection des mineurs non accompagnés", "protection of unaccompanied children"),
    ("gestion des frontières", "border management"),
    ("données sur les migrations", "migration data"),
    ("cohésion sociale", "social cohesion"),
    ("insertion professionnelle", "access to employment"),
    ("apprentissage du français", "French language learning"),
]
CITIES = [
    ("Paris", "Paris"), ("Marseille", "Marseille"), ("Lyon", "Lyon"), ("Calais", "Calais"),
    ("Nice", "Nice"), ("Bordeaux", "Bordeaux"), ("Lille", "Lille"), ("Strasbourg", "Strasbourg"),
    ("Toulouse", "Toulouse"), ("Nantes", "Nantes"), ("Genève", "Geneva"), ("Bruxelles", "Brussels"),
    ("Niamey", "Niamey"), ("Tunis", "Tunis"), ("Dakar", "Dakar"), ("Beyrouth", "Beirut"),
    ("Le Caire", "Cairo"), ("Agadez", "Agadez"), ("Mayotte", "Mayotte"), ("Cayenne", "Cayenne"),
]
COUNTRIES = [
    ("Niger", "Niger"), ("Tunisie", "Tunisia"), ("Sénégal", "Senegal"), ("Liban", "Lebanon"),
    ("Afghanistan", "Afghanistan"), ("Soudan", "Sudan"), ("Mali", "Mali"), ("Maroc", "Morocco"),
    ("Érythrée", "Eritrea"), ("Syrie", "Syria"), ("Ukraine", "Ukraine"), ("Côte d’Ivoire", "Côte d’Ivoire"),
]
ACTORS = [
    ("l’OIM France", "IOM France"), ("le ministère de l’Intérieur", "the Ministry of the Interior"),
    ("l’Union européenne", "the European Union"), ("le HCR", "UNHCR"),
    ("les collectivités locales", "local authorities"), ("les associations partenaires", "partner associations"),
    ("l’Agence française de développement", "the French Development Agency"),
]
PEOPLE = [
    ("familles", "families"), ("personnes réfugiées", "refugees"), ("jeunes", "young people"),
    ("femmes", "women"), ("travailleurs migrants", "migrant workers"), ("étudiants", "students"),
    ("mineurs isolés", "unaccompanied minors"), ("professionnels de santé", "health workers"),
]
TITLES = [
    ("{actor} lance un programme de {topic} à {city}", "{actor_cap} launches a {topic} programme in {city}"),
    ("{number} {people} accueillis à {city}", "{number} {people} welcomed in {city}"),
    ("{city} : un nouveau partenariat pour la {topic}", "{city}: a new partnership for {topic}"),
    ("Rapport {year} sur la {topic}", "{year} report on {topic}"),
    ("Conférence internationale sur la {topic} à {city}", "International conference on {topic} in {city}"),
    ("{actor} et {actor2} renforcent leur coopération", "{actor_cap} and {actor2} strengthen their cooperation"),
    ("Journée d’étude : {topic} et {topic2}", "Study day: {topic} and {topic2}"),
    ("Bilan de la {topic} au {country}", "Review of {topic} in {country}"),
]
LEADS = [
    ("Depuis {month_fr} {year}, {number} {people} ont bénéficié d’un accompagnement à {city}.",
     "Since {month_en} {year}, {number} {people} have received support in {city}."),
    ("{actor} présente les résultats d’une action menée avec {actor2} au {country}.",
     "{actor_cap} presents the results of work carried out with {actor2} in {country}."),
    ("Ce programme de {topic} associe des partenaires publics et associatifs de {city}.",
     "This {topic} programme brings together public and voluntary partners in {city}."),
    ("À {city}, les équipes de l’OIM ont formé {number} professionnels à la {topic}.",
     "In {city}, IOM teams trained {number} professionals in {topic}."),
]
SENTENCES = [
    ("Les {people} accompagnés reçoivent une information sur leurs droits et un suivi individuel.",
     "The {people} supported receive information on their rights and individual follow-up."),
    ("{actor} finance ce projet pour une durée de {duration} mois.",
     "{actor_cap} funds this project for {duration} months."),
    ("Les premiers résultats montrent une hausse de {percent} % de l’accès à l’emploi.",
     "Early results show a {percent}% increase in access to employment."),
    ("Une évaluation indépendante sera publiée en {year_next}.",
     "An independent evaluation will be published in {year_next}."),
    ("L’action s’appuie sur l’expérience acquise au {country} et à {city}.",
     "The work builds on experience gained in {country} and {city}."),
    ("Des ateliers de {topic2} sont proposés chaque semaine.",
     "Weekly workshops on {topic2} are offered."),
    ("Les autorités locales de {city} ont salué l’engagement des bénévoles.",
     "The local authorities of {city} praised the commitment of volunteers."),
    ("Plus de {number} entretiens ont été menés avec des {people}.",
     "More than {number} interviews were held with {people}."),
    ("La coordination avec {actor2} garantit la continuité de l’accompagnement.",
     "Coordination with {actor2} ensures continuity of support."),
    ("Le dispositif de {topic} sera étendu à de nouvelles régions.",
     "The {topic} scheme will be extended to new regions."),
]
HEADINGS = [("Le contexte", "Background"), ("Les résultats", "Results"), ("Et ensuite ?", "What next?"),
            ("Témoignages", "Testimonies")]
MONTHS = [("janvier", "January"), ("mars", "March"), ("mai", "May"), ("juin", "June"),
          ("septembre", "September"), ("novembre", "November")]
ORG_WORDS = [("Association", "Association"), ("Fondation", "Foundation"), ("Réseau", "Network"),
             ("Centre", "Centre"), ("Observatoire", "Observatory"), ("Collectif", "Collective")]


def _cap(text):
    return text[:1].upper() + text[1:]


class Writer:
    """Bilingual sentences from one set of random choices, so fr and en say the same."""

    def __init__(self, rng):
        self.rng = rng

    def choices(self):
        r = self.rng
        topic, topic2 = r.sample(TOPICS, 2)
        actor, actor2 = r.sample(ACTORS, 2)
        city, country, people, month = r.choice(CITIES), r.choice(COUNTRIES), r.choice(PEOPLE), r.choice(MONTHS)
        year = r.randint(2016, 2026)
        common = {"number": r.choice([12, 35, 48, 120, 250, 600, 1200]), "year": year, "year_next": year + 1,
                  "duration": r.choice([12, 18, 24, 36]), "percent": r.randint(5, 40)}
        fr = dict(common, topic=topic[0], topic2=topic2[0], actor=actor[0], actor2=actor2[0], city=city[0],
                  country=country[0], people=people[0], month_fr=month[0])
        en = dict(common, topic=topic[1], topic2=topic2[1], actor=actor[1], actor2=actor2[1], city=city[1],
                  country=country[1], people=people[1], month_en=month[1])
        fr["actor_cap"], en["actor_cap"] = _cap(actor[0]), _cap(actor[1])
        return fr, en, city

    def pair(self, templates, fr, en):
        template_fr, template_en = self.rng.choice(templates)
        return _cap(template_fr.format(**fr)), _cap(template_en.format(**en))

    def body(self, fr, en):
        parts_fr, parts_en = [], []
        for index in range(self.rng.randint(3, 5)):
            if index == 2:
                heading = self.rng.choice(HEADINGS)
                parts_fr.append(f"<h2>{heading[0]}</h2>")
                parts_en.append(f"<h2>{heading[1]}</h2>")
            sentences = self.rng.sample(SENTENCES, min(len(SENTENCES), self.rng.randint(2, 3)))
            parts_fr.append("<p>" + " ".join(_cap(s[0].format(**fr)) for s in sentences) + "</p>")
            parts_en.append("<p>" + " ".join(_cap(s[1].format(**en)) for s in sentences) + "</p>")
        parts_fr.append(f"<p><em>{NOTICE_FR}</em></p>")
        parts_en.append(f"<p><em>{NOTICE_EN}</em></p>")
        return "\n".join(parts_fr), "\n".join(parts_en)


def _slug(text, number):
    return f"{SLUG_PREFIX}{slugify(text)[:150].strip('-')}-{number}"


def demo_querysets():
    """Every demo object, by model, in an order safe for deletion."""
    marked = {"slug_fr__startswith": SLUG_PREFIX}
    return [
        ("communiqués", NewsRelease.objects.filter(**marked, body_fr__contains=NOTICE_FR)),
        ("personnes", Person.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")),
        ("domaines de programme", ProgrammeArea.objects.filter(**marked, body_fr__contains=NOTICE_FR)),
        ("partenaires", Partner.objects.filter(**marked, body_fr__contains=NOTICE_FR)),
        ("bureaux", Office.objects.filter(**marked, description_fr__contains=NOTICE_FR)),
    ]


def demo_content_remove():
    """Delete the demo content (and what cascades from it); returns counts by label."""
    counts = {}
    for label, queryset in demo_querysets():
        counts[label] = queryset.delete()[1].get(queryset.model._meta.label, 0)
    return counts


class Command(BaseCommand):
    help = (
        "Crée du contenu de démonstration bilingue en volume (communiqués, partenaires, domaines, bureaux, "
        "équipes), marqué comme tel (adresses demo-…, mention en fin de texte) pour pouvoir être supprimé "
        "d’une commande (--remove). Relancée, elle remplace le contenu de démonstration précédent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=500, help="Nombre de communiqués (défaut : 500).")
        parser.add_argument("--partners", type=int, default=20, help="Nombre de partenaires (défaut : 20).")
        parser.add_argument("--areas", type=int, default=6, help="Nombre de domaines de programme (défaut : 6).")
        parser.add_argument("--projects-per-area", type=int, default=4, help="Projets par domaine (défaut : 4).")
        parser.add_argument("--offices", type=int, default=3, help="Nombre de bureaux (défaut : 3).")
        parser.add_argument("--people-per-office", type=int, default=6, help="Personnes par bureau (défaut : 6).")
        parser.add_argument("--years", type=int, default=8, help="Étalement des dates de publication, en années.")
        parser.add_argument("--drafts-percent", type=float, default=2.0,
                            help="Part de communiqués en brouillon ou programmés (défaut : 2 %%).")
        parser.add_argument("--seed", type=int, default=1, help="Graine du hasard : même graine, même contenu.")
        parser.add_argument("--batch-size", type=int, default=500, help="Lignes par insertion (défaut : 500).")
        parser.add_argument("--remove", action="store_true",
                            help="Supprime le contenu de démonstration et ne crée rien.")

    def handle(self, *args, **options):
        for name in ("news", "partners", "areas", "projects_per_area", "offices", "people_per_office"):
            if options[name] < 0:
                raise CommandError(f"--{name.replace('_', '-')} ne peut pas être négatif.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size doit valoir au moins 1.")
        self.verbosity = options["verbosity"]
        self.batch_size = options["batch_size"]
        started = time.monotonic()
        with transaction.atomic():
            removed = demo_content_remove()
            if self.verbosity >= 1 and any(removed.values()):
                summary = ", ".join(f"{count} {label}" for label, count in removed.items() if count)
                self.stdout.write(f"Contenu de démonstration supprimé : {summary}.")
            if options["remove"]:
                if self.verbosity >= 1 and not any(removed.values()):
                    self.stdout.write("Aucun contenu de démonstration à supprimer.")
                return
            created = self.generate(options)
        if self.verbosity >= 1:
            summary = ", ".join(f"{count} {label}" for label, count in created.items())
            self.stdout.write(self.style.SUCCESS(
                f"Contenu de démonstration créé en {time.monotonic() - started:.1f} s : {summary}."))

    # --- Progress -------------------------------------------------------------

    def progress(self, label, done, total):
        if self.verbosity < 1 or not total:
            return
        width = 30
        filled = int(width * done / total)
        line = f"  {label:<24} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if self.stdout.isatty():
            self.stdout.write("\r" + line, ending="\n" if done >= total else "")
            self.stdout.flush()
        elif self.verbosity >= 2 or done >= total:
            self.stdout.write(line)

    def batches(self, label, total, make):
        """Build and insert ``total`` objects in batches; returns them."""
        created = []
        self.progress(label, 0, total)
        for start in range(0, total, self.batch_size):
            objects = [make(number) for number in range(start, min(total, start + self.batch_size))]
            created.extend(type(objects[0]).objects.bulk_create(objects))
            self.progress(label, len(created), total)
        return created

    # --- Content -----------------------------------------------------------------

    def generate(self, options):
        rng = random.Random(options["seed"])
        writer = Writer(rng)
        now = timezone.now()
        published = {"status": Status.PUBLISHED, "publication_date": now - timedelta(days=1)}

        def office(number):
            city_fr, city_en = CITIES[number % len(CITIES)]
            body_fr, body_en = writer.body(*writer.choices()[:2])
            name_fr, name_en = f"Bureau de {city_fr}", f"Office in {city_en}"
            return Office(
                name_fr=name_fr, name_en=name_en, slug_fr=_slug(name_fr, number), slug_en=_slug(name_en, number),
                city_fr=city_fr, city_en=city_en, address_fr=f"{10 + number} rue de la République",
                postal_code=f"{75001 + number % 20:05d}", phone=f"+3314044{number % 10000:04d}",
                email=f"office{number}@{EMAIL_DOMAIN}", role_fr="Bureau de démonstration", role_en="Demo office",
                summary_fr=f"L’OIM à {city_fr}.", summary_en=f"IOM in {city_en}.",
                description_fr=body_fr, description_en=body_en, order=100 + number, **published,
            )

        offices = self.batches("bureaux", options["offices"], office)
        ActivityDomain.objects.bulk_create(
            ActivityDomain(office=o, title_fr=_cap(topic[0]), title_en=_cap(topic[1]), order=n)
            for o in offices for n, topic in enumerate(rng.sample(TOPICS, 3))
        )

        first_names = ["Camille", "Nadia", "Karim", "Sophie", "Moussa", "Léa", "Thomas", "Aïcha", "Julien", "Inès"]
        last_names = ["Martin", "Diallo", "Benali", "Dubois", "Nguyen", "Traoré", "Lefèvre", "Haddad", "Moreau"]
        jobs = [("Chargée de communication", "Communications officer"), ("Chef de mission", "Chief of mission"),
                ("Chargé de projet", "Project officer"), ("Attachée de presse", "Press officer")]
        people_total = len(offices) * options["people_per_office"]

        def person(number):
            job = jobs[number % len(jobs)]
            return Person(
                name=f"{rng.choice(first_names)} {rng.choice(last_names)}", job_title_fr=job[0], job_title_en=job[1],
                office=offices[number % len(offices)], email=f"person{number}@{EMAIL_DOMAIN}",
                phone=f"+3314044{(5000 + number) % 10000:04d}", order=number, status=Status.PUBLISHED,
            )

        people = self.batches("personnes", people_total, person) if offices else []

        def area(number):
            topic = TOPICS[number % len(TOPICS)]
            suffix = f" ({number // len(TOPICS) + 1})" if number >= len(TOPICS) else ""
            title_fr, title_en = _cap(topic[0]) + suffix, _cap(topic[1]) + suffix
            body_fr, body_en = writer.body(*writer.choices()[:2])
            return ProgrammeArea(
                title_fr=title_fr, title_en=title_en, slug_fr=_slug(title_fr, number), slug_en=_slug(title_en, number),
                summary_fr=f"Les actions de l’OIM France en matière de {topic[0]}.",
                summary_en=f"IOM France's work on {topic[1]}.", body_fr=body_fr, body_en=body_en,
                order=100 + number, **published,
            )

        areas = self.batches("domaines de programme", options["areas"], area)
        projects = [
            Project(area=a, name_fr=f"Projet {a.title_fr.split()[0]} {n + 1}", name_en=f"{a.title_en.split()[0]} "
                    f"project {n + 1}", acronym=f"DEMO{a.pk % 1000}{n + 1}",
                    summary_fr=f"Un projet de démonstration du domaine « {a.title_fr} ».",
                    summary_en=f"A demo project of the “{a.title_en}” area.",
                    countries_fr=", ".join(c[0] for c in rng.sample(COUNTRIES, 2)),
                    countries_en=", ".join(c[1] for c in rng.sample(COUNTRIES, 2)), order=n)
            for a in areas for n in range(options["projects_per_area"])
        ]
        Project.objects.bulk_create(projects, batch_size=self.batch_size)

        def partner(number):
            word = ORG_WORDS[number % len(ORG_WORDS)]
            topic = TOPICS[(number // len(ORG_WORDS)) % len(TOPICS)]
            city = CITIES[number % len(CITIES)]
            name_fr, name_en = f"{word[0]} {topic[0]} de {city[0]}", f"{city[1]} {word[1].lower()} for {topic[1]}"
            body_fr, body_en = writer.body(*writer.choices()[:2])
            return Partner(
                name_fr=_cap(name_fr), name_en=_cap(name_en), acronym_fr=f"D{number}", slug_fr=_slug(name_fr, number),
                slug_en=_slug(name_en, number), kind=rng.choice(PartnerKind.values), headquarters_city_fr=city[0],
                headquarters_city_en=city[1], website=f"https://example.org/demo-partner-{number}/",
                summary_fr=f"Partenaire de l’OIM pour la {topic[0]}.", summary_en=f"IOM partner for {topic[1]}.",
                body_fr=body_fr, body_en=body_en, order=100 + number, **published,
            )

        partners = self.batches("partenaires", options["partners"], partner)

        seconds = max(1, options["years"]) * 365 * 24 * 3600
        hidden_every = int(100 / options["drafts_percent"]) if options["drafts_percent"] > 0 else 0

        def release(number):
            fr, en, city = writer.choices()
            title_fr, title_en = writer.pair(TITLES, fr, en)
            lead_fr, lead_en = writer.pair(LEADS, fr, en)
            body_fr, body_en = writer.body(fr, en)
            state = {"status": Status.PUBLISHED, "publication_date": now - timedelta(seconds=rng.randint(60, seconds))}
            if hidden_every and number % hidden_every == hidden_every - 1:
                if number % 2:
                    state["status"] = Status.DRAFT
                else:  # scheduled
                    state["publication_date"] = now + timedelta(days=rng.randint(1, 60))
            return NewsRelease(
                title_fr=title_fr, title_en=title_en, slug_fr=_slug(title_fr, number), slug_en=_slug(title_en, number),
                dateline_fr=city[0], dateline_en=city[1], lead_fr=lead_fr, lead_en=lead_en,
                body_fr=body_fr, body_en=body_en, **state,
            )

        releases = self.batches("communiqués", options["news"], release)
        self.link_releases(rng, releases, areas, partners, people)
        return {"communiqués": len(releases), "partenaires": len(partners), "domaines": len(areas),
                "projets": len(projects), "bureaux": len(offices), "personnes": len(people)}

    def link_releases(self, rng, releases, areas, partners, people):
        """Areas, partners, press contacts and links of each release, inserted in batches."""
        through_areas = NewsRelease.programme_areas.through
        through_partners = NewsRelease.partners.through
        through_contacts = NewsRelease.media_contacts.through
        press = [p for p in people if "presse" in p.job_title_fr or "communication" in p.job_title_fr] or people
        rows = {through_areas: [], through_partners: [], through_contacts: [], RelatedLink: []}
        for release in releases:
            for area in rng.sample(areas, min(len(areas), rng.randint(1, 2))):
                rows[through_areas].append(through_areas(newsrelease_id=release.pk, programmearea_id=area.pk))
            for partner in rng.sample(partners, min(len(partners), rng.randint(0, 2))):
                rows[through_partners].append(through_partners(newsrelease_id=release.pk, partner_id=partner.pk))
            if press:
                rows[through_contacts].append(through_contacts(newsrelease_id=release.pk,
                                                               person_id=rng.choice(press).pk))
            for n in range(rng.randint(0, 2)):
                rows[RelatedLink].append(RelatedLink(
                    release_id=release.pk, label_fr=f"Pour en savoir plus ({n + 1})",
                    label_en=f"Further reading ({n + 1})", url=f"https://www.iom.int/fr/demo-{release.pk}-{n}",
                    order=n))
        total = sum(len(objects) for objects in rows.values())
        done = 0
        self.progress("liens des communiqués", 0, total)
        for model, objects in rows.items():
            for start in range(0, len(objects), self.batch_size):
                model.objects.bulk_create(objects[start:start + self.batch_size])
                done += len(objects[start:start + self.batch_size])
                self.progress("liens des communiqués", done, total)
