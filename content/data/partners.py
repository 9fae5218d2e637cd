"""The six organisations of the special liaison mission (old liaison-mission page, OIM Paris, 20 March 2007).

Only the OECD's website is given by the old page; the other ``website`` fields
stay empty. No logo is shipped: the organisations' artwork is theirs; Publication
uploads the official logos to the media library.
"""

PACE_RECOMMENDATION_URL = "http://assembly.coe.int/Main.asp?link=/Documents/AdoptedText/ta07/EREC1806.htm"
PACE_REPORT_URL = "http://assembly.coe.int/Main.asp?link=/Documents/WorkingDocs/Doc07/EDOC11351.htm"
MIGRATION_MUSEUMS_URL = "http://www.migrationmuseums.org"

PARTNERS = [
    {
        "slug_fr": "unesco",
        "fields": {
            "name_fr": "Organisation des Nations Unies pour l’éducation, la science et la culture",
            "name_en": "United Nations Educational, Scientific and Cultural Organization",
            "acronym_fr": "UNESCO",
            "acronym_en": "UNESCO",
            "slug_en": "unesco",
            "kind": "intergovernmental",
            "headquarters_city_fr": "Paris",
            "headquarters_city_en": "Paris",
            "website": "",
            "summary_fr": (
                "Échanges sur l’intégration des migrants et la diversité culturelle, musées des migrations et "
                "ratification de la Charte sur les droits des migrants."
            ),
            "summary_en": (
                "Exchanges on migrant integration and cultural diversity, migration museums and the ratification of "
                "the charter on migrants’ rights."
            ),
            "body_fr": (
                "<p>L’OIM et l’UNESCO encouragent ensemble les échanges internationaux d’informations et "
                "d’expériences sur l’intégration des migrants et sur la diversité culturelle.</p>"
                "<h2>Les musées des migrations</h2>"
                "<p>Les deux organisations soutiennent le développement de musées des migrations et d’institutions "
                "culturelles comparables. Ces lieux recueillent, mettent en valeur et préservent la culture et "
                "l’histoire des migrations ; ils offrent aussi un espace de dialogue entre les migrants et la "
                "population du pays d’accueil, au service de l’intégration et de la cohésion sociale.</p>"
                f"<p>Site des musées des migrations (en anglais) : "
                f"<a href=\"{MIGRATION_MUSEUMS_URL}\" hreflang=\"en\">www.migrationmuseums.org</a></p>"
                "<h2>La Charte sur les droits des migrants</h2>"
                "<p>L’UNESCO et l’OIM œuvrent à faire avancer la ratification de la Charte sur les droits des "
                "migrants, dans la ligne de leur objectif commun : l’intégration des migrants et la promotion de la "
                "diversité culturelle.</p>"
            ),
            "body_en": (
                "<p>IOM and UNESCO jointly encourage the international exchange of information and experience on "
                "migrant integration and cultural diversity.</p>"
                "<h2>Migration museums</h2>"
                "<p>The two organisations support the development of migration museums and similar cultural "
                "institutions. These places collect, highlight and safeguard the culture and history of migration; "
                "they also offer a space for dialogue between migrants and the people of the host country, helping "
                "integration and social cohesion.</p>"
                f"<p>Migration museums website: "
                f"<a href=\"{MIGRATION_MUSEUMS_URL}\">www.migrationmuseums.org</a></p>"
                "<h2>The charter on migrants’ rights</h2>"
                "<p>UNESCO and IOM work to move forward the ratification of the charter on migrants’ rights, in "
                "line with their shared aim: the integration of migrants and the promotion of cultural "
                "diversity.</p>"
            ),
            "order": 1,
        },
    },
    {
        "slug_fr": "conseil-de-l-europe",
        "fields": {
            "name_fr": "Conseil de l’Europe",
            "name_en": "Council of Europe",
            "acronym_fr": "",
            "acronym_en": "",
            "slug_en": "council-of-europe",
            "kind": "intergovernmental",
            "headquarters_city_fr": "Strasbourg",
            "headquarters_city_en": "Strasbourg",
            "website": "",
            "summary_fr": (
                "L’OIM suit en observateur les travaux du Comité européen sur les migrations et les sessions de "
                "l’Assemblée parlementaire (APCE) consacrées aux migrations."
            ),
            "summary_en": (
                "IOM follows as an observer the work of the European Committee on Migration and the sessions of the "
                "Parliamentary Assembly (PACE) devoted to migration."
            ),
            "body_fr": (
                "<h2>Le Comité européen sur les migrations</h2>"
                "<p>Le Comité européen sur les migrations est le principal organe intergouvernemental du Conseil de "
                "l’Europe pour les questions migratoires. Son mandat est « de poursuivre le développement de la "
                "coopération européenne relative aux migrations, à la condition et l’intégration sociale des "
                "populations d’origine migrante et des réfugiés ainsi qu’aux relations intercommunautaires ».</p>"
                "<p>Ses travaux récents portent surtout sur l’intégration des immigrés et des populations issues de "
                "l’immigration dans les sociétés d’accueil, et sur de bonnes relations entre communautés dans les "
                "sociétés pluriethniques. Partageant ces objectifs, l’OIM (Paris) participe régulièrement aux "
                "travaux du Conseil de l’Europe en qualité d’observateur.</p>"
                "<h2>L’Assemblée parlementaire (APCE)</h2>"
                "<p>L’OIM assiste aussi, comme observateur, aux sessions de l’Assemblée parlementaire du Conseil de "
                "l’Europe (PACE, selon le sigle anglais) qui traitent des migrations, ainsi qu’aux travaux de sa "
                "Commission des migrations, des réfugiés et de la population.</p>"
                "<p>Lors de sa session d’octobre 2007, l’Assemblée parlementaire a adopté une recommandation sur "
                "l’OIM :</p>"
                "<ul>"
                f"<li><a href=\"{PACE_RECOMMENDATION_URL}\">Recommandation de l’Assemblée parlementaire sur l’OIM "
                "(octobre 2007)</a></li>"
                f"<li><a href=\"{PACE_REPORT_URL}\">Rapport de l’Assemblée parlementaire à l’origine de cette "
                "recommandation</a></li>"
                "</ul>"
            ),
            "body_en": (
                "<h2>The European Committee on Migration</h2>"
                "<p>The European Committee on Migration is the Council of Europe’s main intergovernmental body for "
                "migration. Its mandate is to carry on developing European cooperation on migration, on the "
                "situation and social integration of people of migrant origin and of refugees, and on community "
                "relations.</p>"
                "<p>Its recent work has focused on the integration of immigrants and people of immigrant background "
                "into host societies, and on good community relations in multi-ethnic societies. Sharing these aims, "
                "IOM (Paris) regularly takes part in the Council of Europe’s work as an observer.</p>"
                "<h2>The Parliamentary Assembly (PACE)</h2>"
                "<p>IOM also attends, as an observer, the sessions of the Parliamentary Assembly of the Council of "
                "Europe (PACE) that deal with migration, and the work of its Committee on Migration, Refugees and "
                "Population.</p>"
                "<p>At its October 2007 session, the Parliamentary Assembly adopted a recommendation on IOM:</p>"
                "<ul>"
                f"<li><a href=\"{PACE_RECOMMENDATION_URL}\">Parliamentary Assembly recommendation on IOM "
                "(October 2007)</a></li>"
                f"<li><a href=\"{PACE_REPORT_URL}\">Parliamentary Assembly report behind the "
                "recommendation</a></li>"
                "</ul>"
            ),
            "order": 2,
        },
    },
    {
        "slug_fr": "ocde",
        "fields": {
            "name_fr": "Organisation de coopération et de développement économiques",
            "name_en": "Organisation for Economic Co-operation and Development",
            "acronym_fr": "OCDE",
            "acronym_en": "OECD",
            "slug_en": "oecd",
            "kind": "intergovernmental",
            "headquarters_city_fr": "Paris",
            "headquarters_city_en": "Paris",
            "website": "https://www.oecd.org",
            "summary_fr": (
                "Les migrations y relèvent de la Direction de l’Emploi, du Travail et des Affaires sociales ; l’OIM "
                "participe en observateur aux réunions qui les abordent."
            ),
            "summary_en": (
                "Migration there falls under the Directorate for Employment, Labour and Social Affairs; IOM attends "
                "as an observer the meetings that deal with it."
            ),
            "body_fr": (
                "<p>À l’OCDE, les questions migratoires relèvent de la Direction de l’Emploi, du Travail et des "
                "Affaires sociales, et plus précisément de la section « Tendances des migrations internationales et "
                "des politiques migratoires ».</p>"
                "<h2>Trois domaines de travail</h2>"
                "<ul>"
                "<li>Migrations, marché du travail et intégration des migrants ;</li>"
                "<li>Migrations, échanges et développement ;</li>"
                "<li>Suivi des mouvements et des politiques migratoires.</li>"
                "</ul>"
                "<p>L’OCDE observe et étudie l’évolution des migrations internationales, en s’attachant à leurs "
                "aspects économiques et sociaux et aux trois grands volets des politiques migratoires : le contrôle "
                "et la régulation des flux, l’intégration des immigrés, et la coopération internationale pour "
                "maîtriser les flux et contribuer au développement des pays d’origine et d’accueil.</p>"
                "<h2>La place de l’OIM</h2>"
                "<p>L’OIM participe en observateur aux réunions de travail de l’OCDE lorsqu’elles portent sur les "
                "migrations.</p>"
            ),
            "body_en": (
                "<p>At the OECD, migration falls under the Directorate for Employment, Labour and Social Affairs, "
                "and more precisely its section on trends in international migration and migration policies.</p>"
                "<h2>Three fields of work</h2>"
                "<ul>"
                "<li>Migration, the labour market and the integration of migrants;</li>"
                "<li>Migration, trade and development;</li>"
                "<li>Monitoring of migration movements and policies.</li>"
                "</ul>"
                "<p>The OECD monitors and studies how international migration evolves, with a focus on its economic "
                "and social aspects and on the three main strands of migration policy: controlling and regulating "
                "flows, integrating immigrants, and international cooperation to manage flows and support the "
                "development of countries of origin and destination.</p>"
                "<h2>IOM’s place</h2>"
                "<p>IOM takes part as an observer in the OECD’s working meetings when they deal with migration.</p>"
            ),
            "order": 3,
        },
    },
    {
        "slug_fr": "ceb",
        "fields": {
            "name_fr": "Banque de développement du Conseil de l’Europe",
            "name_en": "Council of Europe Development Bank",
            "acronym_fr": "CEB",
            "acronym_en": "CEB",
            "slug_en": "ceb",
            "kind": "financial",
            "headquarters_city_fr": "Paris",
            "headquarters_city_en": "Paris",
            "website": "",
            "summary_fr": (
                "Une banque à vocation sociale, dont l’aide aux réfugiés, aux migrants et aux populations déplacées "
                "rejoint l’action de l’OIM."
            ),
            "summary_en": (
                "A bank with a social mission, whose support to refugees, migrants and displaced people meets IOM’s "
                "work."
            ),
            "body_fr": (
                "<p>La Banque de développement du Conseil de l’Europe a une vocation sociale. Par ses prêts, elle "
                "finance des projets sociaux locaux, répond aux situations d’urgence et contribue à améliorer les "
                "conditions de vie et la cohésion sociale dans les régions les moins favorisées d’Europe.</p>"
                "<h2>Domaines d’intervention en lien avec l’OIM</h2>"
                "<ul>"
                "<li>Le renforcement de l’intégration sociale, dont une partie est consacrée à l’aide aux réfugiés, "
                "aux migrants et aux populations déplacées ;</li>"
                "<li>Le développement du capital humain : éducation, formation professionnelle et santé.</li>"
                "</ul>"
            ),
            "body_en": (
                "<p>The Council of Europe Development Bank has a social mission. Through its loans it finances local "
                "social projects, responds to emergencies and helps improve living conditions and social cohesion in "
                "the least advantaged regions of Europe.</p>"
                "<h2>Fields of work related to IOM</h2>"
                "<ul>"
                "<li>Strengthening social integration, part of which is devoted to helping refugees, migrants and "
                "displaced people;</li>"
                "<li>Developing human capital: education, vocational training and health.</li>"
                "</ul>"
            ),
            "order": 4,
        },
    },
    {
        "slug_fr": "interpol",
        "fields": {
            "name_fr": "Organisation internationale de police criminelle",
            "name_en": "International Criminal Police Organization",
            "acronym_fr": "INTERPOL",
            "acronym_en": "INTERPOL",
            "slug_en": "interpol",
            "kind": "intergovernmental",
            "headquarters_city_fr": "Lyon",
            "headquarters_city_en": "Lyon",
            "website": "",
            "summary_fr": "L’OIM et Interpol sont en contact sur la traite des migrants et le trafic de migrants.",
            "summary_en": "IOM and Interpol are in contact on the trafficking and the smuggling of migrants.",
            "body_fr": (
                "<p>L’OIM est en contact avec Interpol, en particulier sur la lutte contre la traite des migrants et "
                "sur le trafic de migrants.</p>"
            ),
            "body_en": (
                "<p>IOM is in contact with Interpol, in particular on the fight against the trafficking of migrants "
                "and on the smuggling of migrants.</p>"
            ),
            "order": 5,
        },
    },
    {
        "slug_fr": "oif",
        "fields": {
            "name_fr": "Organisation internationale de la Francophonie",
            "name_en": "International Organisation of La Francophonie",
            "acronym_fr": "OIF",
            "acronym_en": "OIF",
            "slug_en": "oif",
            "kind": "intergovernmental",
            "headquarters_city_fr": "Paris",
            "headquarters_city_en": "Paris",
            "website": "",
            "summary_fr": (
                "Coopération sur les questions migratoires propres aux pays francophones, et publications communes "
                "comme « Francophonie et Migrations » (OIM, 2002)."
            ),
            "summary_en": (
                "Cooperation on migration questions specific to French-speaking countries, and joint publications "
                "such as “Francophonie et Migrations” (IOM, 2002)."
            ),
            "body_fr": (
                "<p>L’Organisation internationale de la Francophonie (OIF) rassemble des pays qui partagent une "
                "langue et des valeurs. Elle aide les pays du Sud et les pays en transition à se donner les moyens "
                "de conduire leur propre développement, par un développement humain et social durable et "
                "équitable.</p>"
                "<h2>La coopération avec l’OIM</h2>"
                "<p>Dans le cadre de sa coopération multilatérale, l’OIF travaille avec l’OIM sur les questions "
                "migratoires propres aux pays francophones.</p>"
                "<p>Cette coopération renforce aussi l’usage et la diffusion du français, au sein de l’OIM comme "
                "au-delà, notamment par des publications communes, par exemple <em>« Francophonie et "
                "Migrations »</em> (OIM, 2002).</p>"
            ),
            "body_en": (
                "<p>The International Organisation of La Francophonie (OIF) brings together countries that share a "
                "language and common values. It helps countries of the South and countries in transition to gain the "
                "means to steer their own development, through sustainable and fair human and social "
                "development.</p>"
                "<h2>Cooperation with IOM</h2>"
                "<p>As part of its multilateral cooperation, the OIF works with IOM on the migration questions "
                "specific to French-speaking countries.</p>"
                "<p>This cooperation also strengthens the use and spread of French, within IOM and beyond, in "
                "particular through joint publications, for example <em lang=\"fr\">“Francophonie et "
                "Migrations”</em> (IOM, 2002).</p>"
            ),
            "order": 6,
        },
    },
]
