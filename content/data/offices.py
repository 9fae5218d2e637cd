"""OIM France's two offices, from the old "Le rôle de l'OIM France" and liaison-mission pages.

The old pages give no street address, telephone or e-mail for either office:
those fields stay empty rather than invented; the team fills them in the admin.
"""

import datetime

OFFICES = [
    {
        "slug_fr": "paris",
        "fields": {
            "name_fr": "OIM France – Paris",
            "name_en": "IOM France – Paris",
            "slug_en": "paris",
            "city_fr": "Paris",
            "city_en": "Paris",
            "role_fr": "Bureau pays et mission spéciale de liaison",
            "role_en": "Country office and special liaison mission",
            "summary_fr": (
                "Le bureau de l’OIM en France : interlocuteur des acteurs français de la migration et lien permanent "
                "avec les organisations internationales installées en France."
            ),
            "summary_en": (
                "IOM’s office in France: the counterpart of French actors working on migration and the standing link "
                "with the international organisations based in France."
            ),
            "description_fr": (
                "<p>Le bureau de Paris représente l’Organisation internationale pour les migrations (OIM) en France. "
                "Il dialogue avec les institutions, les associations et les autres acteurs français qui travaillent "
                "sur les migrations.</p>"
                "<h2>Mission spéciale de liaison (MSL)</h2>"
                "<p>En plus de ce rôle auprès de la France, l’OIM Paris assure une mission spéciale de liaison avec "
                "les organisations internationales dont le siège est en France et avec les missions diplomatiques "
                "établies en France :</p>"
                "<ul>"
                "<li>à Paris : l’UNESCO, l’OCDE, l’OIF et la Banque de développement du Conseil de l’Europe "
                "(CEB) ;</li>"
                "<li>à Strasbourg : le Conseil de l’Europe ;</li>"
                "<li>à Lyon : Interpol.</li>"
                "</ul>"
                "<p>Le bureau recense les actions conduites ou prévues avec ces partenaires et en lance de nouvelles, "
                "pour que la migration soit mieux comprise de tous et gérée de façon plus humaine, plus efficace et "
                "plus concertée.</p>"
            ),
            "description_en": (
                "<p>The Paris office represents the International Organization for Migration (IOM) in France. It "
                "works with the French institutions, associations and other actors concerned with migration.</p>"
                "<h2>Special liaison mission</h2>"
                "<p>Besides this role towards France, IOM Paris carries a special liaison mission with the "
                "international organisations headquartered in France and with the diplomatic missions based in "
                "France:</p>"
                "<ul>"
                "<li>in Paris: UNESCO, the OECD, the OIF and the Council of Europe Development Bank (CEB);</li>"
                "<li>in Strasbourg: the Council of Europe;</li>"
                "<li>in Lyon: Interpol.</li>"
                "</ul>"
                "<p>The office keeps track of the joint actions carried out or planned with these partners and starts "
                "new ones, so that migration is better understood by all and managed in a more humane, effective and "
                "concerted way.</p>"
            ),
            "order": 1,
        },
        "domains": [
            {
                "title_fr": "Interlocuteur des acteurs français de la migration",
                "title_en": "Counterpart of French actors working on migration",
                "description_fr": (
                    "Relations avec les institutions, les associations et les autres acteurs français qui agissent "
                    "dans le domaine des migrations."
                ),
                "description_en": (
                    "Relations with the French institutions, associations and other actors working in the field of "
                    "migration."
                ),
            },
            {
                "title_fr": "Mission spéciale de liaison (MSL)",
                "title_en": "Special liaison mission",
                "description_fr": (
                    "Liaison avec les organisations internationales ayant leur siège en France (UNESCO, OCDE, OIF, "
                    "CEB, Conseil de l’Europe, Interpol) et avec les missions diplomatiques basées en France."
                ),
                "description_en": (
                    "Liaison with the international organisations headquartered in France (UNESCO, OECD, OIF, CEB, "
                    "Council of Europe, Interpol) and with the diplomatic missions based in France."
                ),
            },
        ],
    },
    {
        "slug_fr": "marseille",
        "fields": {
            "name_fr": "OIM Marseille – CIFORM",
            "name_en": "IOM Marseille – CIFORM",
            "slug_en": "marseille",
            "city_fr": "Marseille",
            "city_en": "Marseille",
            # The old page gives the month only ("En octobre 2007"): the first of the month stands for it.
            "opening_date": datetime.date(2007, 10, 1),
            "role_fr": "Centre d’Information, de Formation et de Rencontres sur les Migrations (CIFORM)",
            "role_en": "Centre for Information, Training and Meetings on Migration (CIFORM)",
            "summary_fr": (
                "Ouvert en octobre 2007 en partenariat avec la Mairie de Marseille, le bureau accueille le CIFORM, "
                "centre d’information, de formation et de rencontres sur les migrations."
            ),
            "summary_en": (
                "Opened in October 2007 in partnership with the City of Marseille, the office houses CIFORM, a "
                "centre for information, training and meetings on migration."
            ),
            "description_fr": (
                "<p>L’Organisation internationale pour les migrations (OIM) a ouvert en octobre 2007 une antenne à "
                "Marseille, dans le cadre d’un partenariat avec la Mairie. Le bureau relève du Directeur de "
                "l’OIM France.</p>"
                "<p>Il a pour rôle particulier d’être le « Centre d’Information, de Formation et de Rencontres sur "
                "les Migrations » (CIFORM). Par ce centre, l’OIM agit dans trois grands domaines : l’information sur "
                "les réalités migratoires et les voies légales de migration, la formation des professionnels et "
                "l’organisation de rencontres sur les migrations.</p>"
            ),
            "description_en": (
                "<p>In October 2007 the International Organization for Migration (IOM) opened an office in "
                "Marseille, as part of a partnership with the City Council. The office reports to the Director of "
                "IOM France.</p>"
                "<p>Its particular role is to be the “Centre for Information, Training and Meetings on Migration” "
                "(CIFORM, from its French name). Through this centre IOM works in three main fields: information on "
                "the realities of migration and legal migration routes, training for professionals, and meetings on "
                "migration.</p>"
            ),
            "order": 2,
        },
        "domains": [
            {
                "title_fr": "Information sur les réalités migratoires et les voies légales de migration",
                "title_en": "Information on the realities of migration and legal migration routes",
                "description_fr": (
                    "Informer sur les réalités migratoires et promouvoir les voies légales de migration, "
                    "notamment par le projet CVR dans la région PACA."
                ),
                "description_en": (
                    "Informing on the realities of migration and promoting legal migration routes, in particular "
                    "through the CVR project in the PACA region (Provence-Alpes-Côte d’Azur)."
                ),
            },
            {
                "title_fr": "Formation des professionnels",
                "title_en": "Training for professionals",
                "description_fr": (
                    "Un pôle de formation pour les professionnels travaillant sur les migrations : fonctionnaires "
                    "nationaux et internationaux, décideurs de la société civile ou du secteur privé."
                ),
                "description_en": (
                    "A training hub for professionals working on migration: national and international civil "
                    "servants, decision-makers from civil society or the private sector."
                ),
            },
            {
                "title_fr": "Rencontres sur les migrations",
                "title_en": "Meetings on migration",
                "description_fr": (
                    "Conférences, ateliers et réunions entre organisations internationales, États, régions, villes, "
                    "associations, secteur privé et migrants."
                ),
                "description_en": (
                    "Conferences, workshops and meetings between international organisations, States, regions, "
                    "cities, associations, the private sector and migrants."
                ),
            },
        ],
    },
]
