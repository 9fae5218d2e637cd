"""Integration programme: five areas, eight example projects, eight key publications, two contacts.

From the old integration programme page. That page lists the projects and the
publications for the programme as a whole; each one is filed here under the
area it serves most directly (``area`` = the area's ``slug_fr``), which editors
can change in the admin.

The page gives neither links nor years for the publications. A publication
needs a link (see ``Publication.clean``), so each points to the IOM page found
for it, or to IOM's integration page where they are all listed; ``year`` is
set only where that page states it.
"""

INTEGRATION_PAGE_URL = "https://www.iom.int/migrant-integration-and-social-cohesion"

CONTACTS = [
    {
        "name": "Jobst Koehler",
        "fields": {
            "given_names": "Jobst",
            "family_name": "Koehler",
            "job_title_fr": "Chef d’unité, Formation et intégration des migrants",
            "job_title_en": "Head of Unit, Migrant Training and Integration",
            "email": "jkoehler@iom.int",
            "order": 1,
            # IOM programme staff, not members of the OIM France team.
            "show_on_team_page": False,
        },
    },
    {
        "name": "Ace Dela Cruz",
        "fields": {
            "given_names": "Ace",
            "family_name": "Dela Cruz",
            "job_title_fr": "Coordinateur de projet, Intégration des migrants et cohésion sociale",
            "job_title_en": "Project Coordinator, Migrant Integration and Social Cohesion",
            "email": "acedelacruz@iom.int",
            "order": 2,
            "show_on_team_page": False,
        },
    },
]

AREAS = [
    {
        "slug_fr": "orientation-et-formation-des-migrants",
        "contacts": ["Jobst Koehler", "Ace Dela Cruz"],
        "fields": {
            "title_fr": "Orientation et formation des migrants avant et après leur arrivée",
            "title_en": "Orienting and training migrants before and after arrival",
            "slug_en": "orienting-and-training-migrants",
            "summary_fr": (
                "Préparer les migrants à leur nouvel environnement : informations sur le pays de destination, "
                "orientation culturelle, formation technique et linguistique."
            ),
            "summary_en": (
                "Preparing migrants for their new surroundings: information on the country of destination, cultural "
                "orientation, technical and language training."
            ),
            "body_fr": (
                "<p>L’OIM donne aux migrants les informations essentielles sur leur pays de destination et les aide "
                "à repérer les compétences et les attitudes utiles pour réussir dans ce nouvel environnement.</p>"
                "<p>Ce travail se fait surtout avant le départ, par des formations adaptées à chaque public : "
                "gestion des attentes, orientation culturelle, développement des compétences et de la conscience "
                "nécessaires pour s’adapter à la société d’accueil, y compris une formation technique et "
                "linguistique.</p>"
            ),
            "body_en": (
                "<p>IOM gives migrants the essential information about their country of destination and helps them "
                "identify the skills and attitudes that will help them succeed in their new surroundings.</p>"
                "<p>This work mostly happens before departure, through training tailored to each group: managing "
                "expectations, cultural orientation, and building the skills and awareness needed to adapt to the "
                "host society, including technical and language training.</p>"
            ),
            "order": 1,
        },
    },
    {
        "slug_fr": "inclusion-sur-le-marche-du-travail",
        "contacts": ["Jobst Koehler", "Ace Dela Cruz"],
        "fields": {
            "title_fr": "Inclusion sur le marché du travail et participation du secteur privé",
            "title_en": "Labour market inclusion and private sector engagement",
            "slug_en": "labour-market-inclusion",
            "summary_fr": (
                "L’emploi rend les migrants plus autonomes : évaluation et reconnaissance des compétences, "
                "adéquation professionnelle, inclusion financière, apprentissages et stages."
            ),
            "summary_en": (
                "Work makes migrants more independent: skills assessment and recognition, job matching, financial "
                "inclusion, apprenticeships and traineeships."
            ),
            "body_fr": (
                "<p>Trouver sa place sur le marché du travail est au cœur de l’intégration : cela renforce nettement "
                "l’autonomie des migrants, leur confiance en eux et leur productivité.</p>"
                "<p>L’OIM conduit des projets qui facilitent cette insertion en évaluant et en faisant reconnaître "
                "les compétences, et en rapprochant les profils des emplois. Elle soutient aussi l’inclusion "
                "financière et aide les jeunes à accéder à des apprentissages et à des stages qui mènent à un "
                "emploi.</p>"
            ),
            "body_en": (
                "<p>Finding a place in the labour market is central to integration: it clearly strengthens migrants’ "
                "independence, self-confidence and productivity.</p>"
                "<p>IOM runs projects that ease this step by assessing and recognising skills and by matching "
                "profiles with jobs. It also supports financial inclusion and helps young people take up "
                "apprenticeships and traineeships that lead to employment.</p>"
            ),
            "order": 2,
        },
    },
    {
        "slug_fr": "sensibilisation-et-lutte-contre-la-xenophobie",
        "contacts": ["Jobst Koehler", "Ace Dela Cruz"],
        "fields": {
            "title_fr": "Sensibilisation et lutte contre la xénophobie",
            "title_en": "Awareness-raising and countering xenophobia",
            "slug_en": "awareness-raising-and-countering-xenophobia",
            "summary_fr": (
                "Montrer la valeur de la diversité aux communautés d’accueil, aux autorités locales et aux "
                "prestataires de services, et encourager un traitement médiatique équilibré."
            ),
            "summary_en": (
                "Showing the value of diversity to host communities, local authorities and service providers, and "
                "encouraging balanced media coverage."
            ),
            "body_fr": (
                "<p>L’OIM mène des actions de sensibilisation auprès des communautés d’accueil, des autorités locales "
                "et des prestataires de services, pour mettre en avant ce que la diversité apporte.</p>"
                "<p>Elle organise des débats thématiques et des campagnes sur les migrations, dont des événements "
                "artistiques et culturels qui s’adressent aux migrants comme aux habitants. Elle travaille aussi "
                "avec les médias pour un traitement responsable et équilibré des migrations, afin d’améliorer la "
                "perception et le discours publics.</p>"
            ),
            "body_en": (
                "<p>IOM raises awareness among host communities, local authorities and service providers to bring "
                "out what diversity brings.</p>"
                "<p>It organises thematic discussions and campaigns on migration, including arts and cultural events "
                "aimed at migrants and local residents alike. It also works with the media towards responsible and "
                "balanced reporting on migration, to improve public perceptions and discourse.</p>"
            ),
            "order": 3,
        },
    },
    {
        "slug_fr": "mixite-sociale",
        "contacts": ["Jobst Koehler", "Ace Dela Cruz"],
        "fields": {
            "title_fr": "Mixité sociale entre les migrants et les communautés",
            "title_en": "Social mixing between migrants and communities",
            "slug_en": "social-mixing",
            "summary_fr": (
                "Créer des liens entre migrants et habitants par le sport, la musique, la cuisine, les loisirs, le "
                "jumelage entre pairs et le mentorat."
            ),
            "summary_en": (
                "Building ties between migrants and residents through sport, music, food, leisure, peer pairing and "
                "mentoring."
            ),
            "body_fr": (
                "<p>Des activités multiculturelles et des occasions de rencontre directe (sport, musique, festivals "
                "culinaires et autres loisirs) favorisent les réseaux sociaux et les relations constructives entre "
                "les migrants et les habitants de leur quartier.</p>"
                "<p>L’OIM soutient aussi le jumelage entre pairs et le mentorat : ils améliorent la compréhension "
                "mutuelle et les échanges, et facilitent l’accès des migrants aux ressources sociales et "
                "institutionnelles.</p>"
            ),
            "body_en": (
                "<p>Multicultural activities and chances to meet in person (sport, music, food festivals and other "
                "leisure) encourage social networks and constructive relations between migrants and the people of "
                "their neighbourhood.</p>"
                "<p>IOM also supports peer pairing and mentoring: they improve mutual understanding and contact, and "
                "make it easier for migrants to reach social and institutional resources.</p>"
            ),
            "order": 4,
        },
    },
    {
        "slug_fr": "recherche-et-analyse",
        "contacts": ["Jobst Koehler", "Ace Dela Cruz"],
        "fields": {
            "title_fr": "Recherche et analyse pour l’élaboration des politiques et des programmes",
            "title_en": "Research and analysis for policy and programme development",
            "slug_en": "research-and-analysis",
            "summary_fr": (
                "Des politiques fondées sur des données : recherche sur l’intégration, prise en compte des migrants "
                "dans les politiques publiques, assistance technique et outils."
            ),
            "summary_en": (
                "Evidence-based policies: research on integration, including migrants in public policies, technical "
                "assistance and tools."
            ),
            "body_fr": (
                "<p>Pour que les politiques reposent sur des données et le débat sur des faits, l’OIM veille à ce que "
                "les migrants soient pris en compte dans les différentes politiques publiques (santé, éducation, "
                "urbanisme…) et mène des recherches sur les étapes de l’intégration.</p>"
                "<p>Elle apporte une assistance technique aux États membres et aux autres acteurs pour concevoir et "
                "mettre en œuvre leurs politiques : outils d’évaluation et de programmation, et actions de "
                "renforcement des capacités fondées sur divers modèles d’intégration et sur les bonnes "
                "pratiques.</p>"
            ),
            "body_en": (
                "<p>So that policies rest on evidence and debate on facts, IOM works to have migrants taken into "
                "account in public policies (health, education, urban planning and more) and carries out research "
                "on the stages of integration.</p>"
                "<p>It gives technical assistance to Member States and other actors to design and implement their "
                "policies: assessment and programming tools, and capacity-building based on a range of integration "
                "models and good practices.</p>"
            ),
            "order": 5,
        },
    },
]

PROJECTS = [
    {
        "area": "orientation-et-formation-des-migrants",
        "name_fr": "Faciliter l’intégration des réfugiés réinstallés en Croatie, en Italie, au Portugal et en Espagne",
        "fields": {
            "name_en": "Facilitating the integration of resettled refugees in Croatia, Italy, Portugal and Spain",
            "acronym": "COMMIT",
            "summary_fr": "Accompagner l’intégration durable des réfugiés réinstallés dans quatre pays européens.",
            "summary_en": "Supporting the lasting integration of resettled refugees in four European countries.",
            "countries_fr": "Croatie, Italie, Portugal, Espagne",
            "countries_en": "Croatia, Italy, Portugal, Spain",
            "order": 1,
        },
    },
    {
        "area": "sensibilisation-et-lutte-contre-la-xenophobie",
        "name_fr": "Soutenir l’inclusion sociale des migrants vulnérables en Europe",
        "fields": {
            "name_en": "Supporting the social inclusion of vulnerable migrants in Europe",
            "acronym": "ADMin4ALL",
            "summary_fr": "Favoriser l’inclusion sociale des migrants vulnérables en Europe.",
            "summary_en": "Promoting the social inclusion of vulnerable migrants in Europe.",
            "countries_fr": "Europe",
            "countries_en": "Europe",
            "order": 2,
        },
    },
    {
        "area": "inclusion-sur-le-marche-du-travail",
        "name_fr": "Réponse pour les Vénézuéliens",
        "fields": {
            "name_en": "Response for Venezuelans",
            "acronym": "R4V",
            "summary_fr": "Une réponse coordonnée aux besoins des réfugiés et migrants vénézuéliens.",
            "summary_en": "A coordinated response to the needs of refugees and migrants from Venezuela.",
            "countries_fr": "",
            "countries_en": "",
            "order": 3,
        },
    },
    {
        "area": "sensibilisation-et-lutte-contre-la-xenophobie",
        "name_fr": "Xénophobie zéro",
        "fields": {
            "name_en": "Zero Xenophobia",
            "acronym": "",
            "summary_fr": "Une campagne contre la xénophobie.",
            "summary_en": "A campaign against xenophobia.",
            "countries_fr": "",
            "countries_en": "",
            "order": 4,
        },
    },
    {
        "area": "orientation-et-formation-des-migrants",
        "name_fr": "Soutien hellénique à l’intégration des bénéficiaires de protection internationale",
        "fields": {
            "name_en": "Hellenic Integration Support for Beneficiaries of International Protection",
            "acronym": "HELIOS",
            "summary_fr": "Soutenir l’intégration des bénéficiaires de protection internationale en Grèce.",
            "summary_en": "Supporting the integration of beneficiaries of international protection in Greece.",
            "countries_fr": "Grèce",
            "countries_en": "Greece",
            "order": 5,
        },
    },
    {
        "area": "mixite-sociale",
        "name_fr": "Programme Safarni",
        "fields": {
            "name_en": "Safarni Programme",
            "acronym": "",
            "summary_fr": "Un programme de l’OIM en faveur de l’intégration et de la cohésion sociale.",
            "summary_en": "An IOM programme for integration and social cohesion.",
            "countries_fr": "",
            "countries_en": "",
            "order": 6,
        },
    },
    {
        "area": "mixite-sociale",
        "name_fr": "Programme d’harmonisation et de cohésion sociale en Turquie",
        "fields": {
            "name_en": "Harmonization and Social Cohesion Programme in Turkey",
            "acronym": "",
            "summary_fr": "Favoriser l’harmonisation et la cohésion sociale en Turquie.",
            "summary_en": "Fostering harmonization and social cohesion in Turkey.",
            "countries_fr": "Turquie",
            "countries_en": "Turkey",
            "order": 7,
        },
    },
    {
        "area": "recherche-et-analyse",
        "name_fr": "Programme régional de développement et de protection pour l’Afrique du Nord",
        "fields": {
            "name_en": "Regional Development and Protection Programme for North Africa",
            "acronym": "",
            "summary_fr": "Un programme régional alliant développement et protection en Afrique du Nord.",
            "summary_en": "A regional programme combining development and protection in North Africa.",
            "countries_fr": "Afrique du Nord",
            "countries_en": "North Africa",
            "order": 8,
        },
    },
]

# English documents: the French title is the original English title.
PUBLICATIONS = [
    {
        "area": "sensibilisation-et-lutte-contre-la-xenophobie",
        "title": "Countering Xenophobia and Stigma to foster Social Cohesion in the COVID-19 Response and Recovery",
        "url": "https://migrationnetwork.un.org/resources/"
               "countering-xenophobia-and-stigma-foster-social-cohesion-covid-19-response-and-recovery",
        "year": None,
        "order": 1,
    },
    {
        "area": "recherche-et-analyse",
        "title": "World Migration Report 2020: Chapter 6 - Migration, Inclusion and Social Cohesion: Challenges, "
                 "Recent Developments and Opportunities",
        "url": INTEGRATION_PAGE_URL,
        "year": None,
        "order": 2,
    },
    {
        "area": "mixite-sociale",
        "title": "Paths to Inclusion: Training for Community Mentors – Communication, Intercultural and Social Skills",
        "url": "https://eea.iom.int/publications/"
               "paths-inclusion-training-community-mentors-communication-intercultural-and-social",
        "year": None,
        "order": 3,
    },
    {
        "area": "orientation-et-formation-des-migrants",
        "title": "Mental health and psychosocial support for resettled refugees",
        "url": INTEGRATION_PAGE_URL,
        "year": None,
        "order": 4,
    },
    {
        "area": "recherche-et-analyse",
        "title": "Integration and Social Cohesion: Key Elements for Reaping Benefits of Migration",
        "url": "https://migrantprotection.iom.int/en/resources/position-paper/"
               "integration-and-social-cohesion-key-elements-reaping-benefits-migration",
        "year": 2017,
        "order": 5,
    },
    {
        "area": "recherche-et-analyse",
        "title": "Integration that Values Diversity – Exploring a Model for Current Migration Dynamics",
        "url": "https://eea.iom.int/publications/integration-values-diversity-exploring-model-current-migration-dynamics",
        "year": None,
        "order": 6,
    },
    {
        "area": "sensibilisation-et-lutte-contre-la-xenophobie",
        "title": "Migration Focus on Integration, Xenophobia and Discrimination",
        "url": INTEGRATION_PAGE_URL,
        "year": None,
        "order": 7,
    },
    {
        "area": "recherche-et-analyse",
        "title": "EU Integration Best Practices",
        "url": INTEGRATION_PAGE_URL,
        "year": None,
        "order": 8,
    },
]
