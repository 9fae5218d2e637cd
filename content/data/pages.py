"""Standalone pages and the navigation they build.

The menu is the published pages with ``show_in_menu``, children under their
parent, in ``order``. A page with a ``section`` stands for a listing (news,
partners…): its title is the menu label, its text introduces the listing and
its URL is the listing's, so no link is typed by hand.

Figures about IOM: the old "rôle" page gave the situation in June 2012 (146
member States, "not part of the United Nations system"); IOM's own pages, more
recent, give 175 member States present in 171 countries and IOM as part of
the United Nations system. Only the more recent figures are kept, dated.

``parent`` is the key (``section`` or ``slug_fr``) of a page listed earlier.
"""

ABOUT = {
    "slug_fr": "a-propos",
    "fields": {
        "title_fr": "Qui sommes-nous",
        "title_en": "Who we are",
        "slug_en": "about-us",
        "summary_fr": (
            "L’OIM France, bureau de l’Organisation internationale pour les migrations : son rôle, ses cinq "
            "objectifs et ses domaines d’activité."
        ),
        "summary_en": (
            "IOM France, the office of the International Organization for Migration: its role, its five objectives "
            "and its fields of work."
        ),
        "body_fr": (
            "<h2>Le rôle de l’OIM France</h2>"
            "<p>L’OIM France est un bureau de l’Organisation internationale pour les migrations (OIM). Elle est "
            "l’interlocutrice des institutions, des associations et des autres acteurs français qui travaillent "
            "dans le domaine des migrations, ainsi que des organisations internationales dont le siège est en "
            "France.</p>"
            "<h2>Nos objectifs</h2>"
            "<p>Son but premier est d’offrir à tous les migrants une assistance efficace et efficiente. Pour cela, "
            "l’OIM France conçoit et conduit des programmes, des projets et des recherches, à l’échelle nationale, "
            "européenne et internationale, avec cinq objectifs :</p>"
            "<ol>"
            "<li>Favoriser des migrations internationales qui respectent le cadre légal des pays d’origine, de "
            "transit et de destination, et faciliter l’intégration des migrants en France en rapprochant migrants "
            "et société d’accueil.</li>"
            "<li>Apporter à l’État une coopération technique et opérationnelle pour mieux analyser les enjeux de la "
            "migration irrégulière et construire des solutions respectueuses des droits humains des migrants, en "
            "faisant connaître les bonnes pratiques d’autres pays.</li>"
            "<li>Faire mieux respecter les droits humains des migrants en diffusant une information équilibrée et "
            "cohérente sur les migrations et leurs conséquences, pour renforcer la cohésion sociale et le dialogue "
            "interculturel et combattre toute forme de racisme et de xénophobie.</li>"
            "<li>Renforcer la protection des groupes vulnérables, en particulier les mineurs migrants isolés et les "
            "victimes de la traite, et contribuer aux programmes de lutte contre toute forme de violence et de "
            "discrimination envers les migrantes.</li>"
            "<li>Encourager le co-développement en favorisant le dialogue entre acteurs internationaux et "
            "régionaux, pour des politiques et des interventions cohérentes au service de la croissance économique "
            "et sociale des pays concernés.</li>"
            "</ol>"
            "<h2>Nos domaines d’activité</h2>"
            "<p>En lien avec les institutions et les associations françaises, et en coordination avec les autres "
            "organisations internationales, l’OIM France agit dans les domaines suivants.</p>"
            "<h3>La migration régulière</h3>"
            "<p>L’OIM France aide au regroupement familial des réfugiés reconnus en France et apporte un soutien "
            "opérationnel à la réinstallation de migrants et de réfugiés dans des pays tiers, comme les États-Unis, "
            "les pays scandinaves, le Canada ou l’Australie. Des actions d’intégration, par exemple une orientation "
            "culturelle et linguistique dans le pays d’origine avant le départ pour la France, sont à l’étude.</p>"
            "<h3>La migration irrégulière</h3>"
            "<p>L’action suit deux axes :</p>"
            "<ul>"
            "<li>informer et conseiller les migrants en situation irrégulière sur les réalités migratoires en "
            "France et en Europe et sur l’aide au retour volontaire, en allant à leur rencontre par les "
            "associations ou sur le terrain (cabinets médicaux, lieux où ils se retrouvent), et diffuser une "
            "information semblable dans les pays d’origine et de transit grâce au réseau mondial de l’OIM ;</li>"
            "<li>faire évoluer les programmes d’aide au retour volontaire avec l’institution nationale qui en a "
            "la charge, l’OFII (Office français de l’immigration et de l’intégration) : l’OIM donne information, "
            "appui administratif et soutien logistique aux migrants qui choisissent de rentrer dans leur pays, "
            "notamment les demandeurs d’asile déboutés et les migrants qui ne peuvent pas rester légalement en "
            "France.</li>"
            "</ul>"
            "<h3>Les droits humains des migrants</h3>"
            "<p>L’OIM fait mieux connaître et respecter les droits des migrants. Elle sensibilise les "
            "administrations et le grand public aux situations que vivent les migrants et à leurs difficultés pour "
            "s’installer, s’intégrer et accéder aux services de droit commun auxquels ils ont droit. Par la "
            "formation, les campagnes d’information et les publications, elle veut nourrir en France un débat "
            "équilibré sur la migration, qui en montre les chances comme les défis.</p>"
            "<h3>Les migrants vulnérables</h3>"
            "<p>L’OIM joue de fait un rôle de protection auprès des migrants exposés à des risques de toute nature "
            "(économiques, sociaux, médicaux) : femmes seules, enfants, personnes âgées, personnes traumatisées ou "
            "malades. L’OIM France conduit des projets, notamment européens, pour les mineurs étrangers non "
            "accompagnés et pour les migrants victimes de la traite des êtres humains.</p>"
            "<h3>La liaison avec les organisations internationales</h3>"
            "<p>Le bureau de Paris assure un lien suivi avec les organisations internationales et régionales dont "
            "le siège est en France : l’UNESCO, l’OCDE, l’Organisation internationale de la Francophonie, la Banque "
            "de développement du Conseil de l’Europe, le Conseil de l’Europe (à Strasbourg) et INTERPOL (à Lyon). "
            "Il y est une référence sur les migrations et plaide pour qu’elles aient toute leur place dans leurs "
            "politiques et leurs actions.</p>"
            "<h3>La recherche et les publications</h3>"
            "<p>Par ses rapports, études, recherches et publications, l’OIM Paris contribue au débat scientifique "
            "sur les migrations, notamment sur l’accès aux soins de santé de tous les migrants, sur les populations "
            "migrantes vivant avec le VIH/sida et sur la traite des mineurs non accompagnés dans l’Union "
            "européenne.</p>"
            "<h3>Le co-développement</h3>"
            "<p>L’OIM France met son expérience du co-développement au service de ses partenaires institutionnels "
            "et associatifs. Elle aide à construire des réseaux entre acteurs internationaux pour des projets de "
            "coopération multilatérale, et rapproche États, organisations internationales, gouvernementales et non "
            "gouvernementales pour soutenir le développement économique que la migration stimule, dans les pays "
            "d’accueil comme dans les pays de départ.</p>"
            "<h2>L’Organisation internationale pour les migrations</h2>"
            "<p>Fondée en 1951 comme organisation intergouvernementale chargée de réinstaller les personnes "
            "déplacées en Europe, l’OIM a depuis élargi son action à l’ensemble des questions migratoires, dans le "
            "monde entier.</p>"
            "<p>D’après les chiffres les plus récents publiés par l’OIM sur son site (consulté en novembre 2026), "
            "l’Organisation fait partie du système des Nations Unies, compte 175 États membres et est présente "
            "dans 171 pays. Elle travaille avec de nombreuses organisations internationales et non "
            "gouvernementales.</p>"
            "<p>L’OIM est convaincue que la migration, lorsqu’elle est gérée de façon ordonnée et dans l’intérêt "
            "de tous, est positive : elle n’est pas seulement inévitable, elle est souhaitable. Partout où elle "
            "est présente, l’OIM œuvre pour une gestion des migrations respectueuse de la dignité humaine, qui en "
            "valorise les avantages et en atténue la perception négative.</p>"
        ),
        "body_en": (
            "<h2>The role of IOM France</h2>"
            "<p>IOM France is an office of the International Organization for Migration (IOM). It is the "
            "counterpart of the French institutions, associations and other actors working in the field of "
            "migration, and of the international organisations headquartered in France.</p>"
            "<h2>Our objectives</h2>"
            "<p>Its first aim is to offer effective and efficient assistance to all migrants. To that end, IOM "
            "France designs and runs programmes, projects and research at national, European and international "
            "level, with five objectives:</p>"
            "<ol>"
            "<li>To encourage international migration that respects the legal framework of countries of origin, "
            "transit and destination, and to ease the integration of migrants in France by bringing migrants and "
            "the host society closer together.</li>"
            "<li>To offer the State technical and operational cooperation to better analyse the challenges of "
            "irregular migration and build solutions that respect migrants’ human rights, by sharing good practices "
            "from other countries.</li>"
            "<li>To improve respect for migrants’ human rights by spreading balanced and consistent information on "
            "migration and its consequences, so as to strengthen social cohesion and intercultural dialogue and "
            "fight all forms of racism and xenophobia.</li>"
            "<li>To step up the protection of vulnerable groups, in particular unaccompanied migrant minors and "
            "victims of trafficking, and to contribute to programmes against all forms of violence and "
            "discrimination towards migrant women.</li>"
            "<li>To encourage co-development by fostering dialogue between international and regional actors, for "
            "coherent policies and interventions serving the economic and social growth of the countries "
            "involved.</li>"
            "</ol>"
            "<h2>Our fields of work</h2>"
            "<p>Together with French institutions and associations, and in coordination with the other "
            "international organisations, IOM France works in the following fields.</p>"
            "<h3>Regular migration</h3>"
            "<p>IOM France helps with family reunification for refugees recognised in France and gives operational "
            "support to the resettlement of migrants and refugees in third countries such as the United States, the "
            "Scandinavian countries, Canada and Australia. Integration measures, for instance cultural and language "
            "orientation in the country of origin before departure for France, are being studied.</p>"
            "<h3>Irregular migration</h3>"
            "<p>The work follows two lines:</p>"
            "<ul>"
            "<li>informing and advising migrants in an irregular situation on the realities of migration in France "
            "and Europe and on assisted voluntary return, reaching them through associations or in the field "
            "(medical practices, places where they meet), and spreading similar information in countries of origin "
            "and transit through IOM’s global network;</li>"
            "<li>keeping the assisted voluntary return programmes up to date with the national institution in "
            "charge of them, OFII (the French Office for Immigration and Integration): IOM gives information, "
            "administrative help and logistical support to migrants who choose to go back to their country, in "
            "particular rejected asylum seekers and migrants who cannot stay legally in France.</li>"
            "</ul>"
            "<h3>Migrants’ human rights</h3>"
            "<p>IOM works to make migrants’ rights better known and respected. It makes administrations and the "
            "public aware of what migrants go through and of their difficulties in settling, integrating and "
            "reaching the mainstream services they are entitled to. Through training, information campaigns and "
            "publications, it aims at a balanced debate on migration in France, showing its opportunities as well "
            "as its challenges.</p>"
            "<h3>Vulnerable migrants</h3>"
            "<p>IOM plays a de facto protection role for migrants exposed to risks of every kind (economic, social, "
            "medical): women on their own, children, elderly people, traumatised or sick people. IOM France runs "
            "projects, many of them European, for unaccompanied foreign minors and for migrants who are victims of "
            "trafficking in human beings.</p>"
            "<h3>Liaison with international organisations</h3>"
            "<p>The Paris office keeps up relations with the international and regional organisations "
            "headquartered in France: UNESCO, the OECD, the International Organisation of La Francophonie, the "
            "Council of Europe Development Bank, the Council of Europe (in Strasbourg) and INTERPOL (in Lyon). It "
            "is their reference point on migration and advocates for migration to get its full place in their "
            "policies and actions.</p>"
            "<h3>Research and publications</h3>"
            "<p>Through reports, studies, research and publications, IOM Paris contributes to the scientific debate "
            "on migration, in particular on access to health care for all migrants, on migrant populations living "
            "with HIV/AIDS and on the trafficking of unaccompanied minors in the European Union.</p>"
            "<h3>Co-development</h3>"
            "<p>IOM France puts its experience of co-development at the service of its institutional and voluntary "
            "sector partners. It helps build networks between international actors for multilateral cooperation "
            "projects, and brings together States, international, governmental and non-governmental organisations "
            "to support the economic development that migration drives, in host countries and countries of origin "
            "alike.</p>"
            "<h2>The International Organization for Migration</h2>"
            "<p>Founded in 1951 as an intergovernmental organisation tasked with resettling displaced people in "
            "Europe, IOM has since broadened its work to all migration questions, worldwide.</p>"
            "<p>According to the most recent figures published by IOM on its website (consulted in November 2026), "
            "the Organization is part of the United Nations system, has 175 member States and is present in 171 "
            "countries. It works with many international and non-governmental organisations.</p>"
            "<p>IOM is convinced that migration managed in an orderly way and in the interest of all is positive: "
            "it is not only inevitable but desirable. Wherever it works, IOM strives for migration management that "
            "respects human dignity, brings out its benefits and reduces negative perceptions of it.</p>"
        ),
        "order": 1,
        "show_in_menu": True,
    },
}

PAGES = [
    ABOUT,
    {
        "section": "offices:team",
        "slug_fr": "equipe",
        "parent": "a-propos",
        "fields": {
            "title_fr": "Équipe",
            "title_en": "Team",
            "slug_en": "team",
            "summary_fr": "Les personnes qui font vivre l’OIM France à Paris et à Marseille.",
            "summary_en": "The people who run IOM France in Paris and Marseille.",
            "body_fr": "<p>L’équipe de l’OIM France travaille dans les bureaux de Paris et de Marseille.</p>",
            "body_en": "<p>The IOM France team works in the Paris and Marseille offices.</p>",
            "order": 1,
            # No team member is listed on the old pages: the page stays out of
            # the menu until the team is entered in the admin.
            "show_in_menu": False,
        },
    },
    {
        "section": "programmes:list",
        "slug_fr": "notre-travail",
        "fields": {
            "title_fr": "Notre travail",
            "title_en": "Our work",
            "slug_en": "our-work",
            "summary_fr": (
                "L’intégration des migrants et la cohésion sociale : nos domaines de programme, des exemples de "
                "projets et nos principales publications."
            ),
            "summary_en": (
                "Migrant integration and social cohesion: our programme areas, example projects and key "
                "publications."
            ),
            "body_fr": (
                "<p>Pour l’OIM, l’intégration est une part essentielle d’une gestion efficace et globale des "
                "migrations. Elle favorise l’inclusion sociale et de bonnes relations entre les groupes, pour des "
                "sociétés à la fois diverses, inclusives et unies.</p>"
                "<p>L’intégration dépend beaucoup du contexte et varie d’un pays à l’autre. Réussie, elle est un "
                "processus dynamique et à plusieurs sens : migrants et société d’accueil s’adaptent l’un à l’autre, "
                "dans le respect des droits fondamentaux, la tolérance et la non-discrimination. Elle touche à la "
                "vie économique, psychologique, sociale, linguistique et civique des migrants, et suppose aussi que "
                "les communautés d’accueil et les acteurs locaux soient prêts à les recevoir et à travailler avec "
                "eux.</p>"
                "<p>Dans la ligne du Programme de développement durable à l’horizon 2030 et du Pacte mondial pour "
                "des migrations sûres, ordonnées et régulières, les programmes de l’OIM adoptent une approche qui "
                "mobilise toute la communauté. Ils couvrent les étapes clés du parcours migratoire, du départ à "
                "l’installation, et relient l’inclusion des migrants à la cohésion sociale.</p>"
                "<p>Outre les domaines présentés ici, l’OIM prépare et outille les communautés d’accueil "
                "(administrations nationales et locales, employeurs, recruteurs, syndicats, établissements "
                "d’enseignement) et facilite l’accès des migrants aux services de base (éducation, santé, logement, "
                "protection sociale et juridique), notamment par des guichets uniques et des centres de ressources "
                "pour migrants.</p>"
            ),
            "body_en": (
                "<p>For IOM, integration is an essential part of effective and comprehensive migration management. "
                "It promotes social inclusion and good relations between groups, for societies that are diverse, "
                "inclusive and cohesive.</p>"
                "<p>Integration depends heavily on context and varies from one country to another. When it works, "
                "it is a dynamic process running in several directions: migrants and the host society adapt to each "
                "other, with respect for fundamental rights, tolerance and non-discrimination. It touches migrants’ "
                "economic, psychological, social, linguistic and civic life, and also requires host communities and "
                "local actors to be ready to receive them and work with them.</p>"
                "<p>In line with the 2030 Agenda for Sustainable Development and the Global Compact for Safe, "
                "Orderly and Regular Migration, IOM’s programmes take a whole-of-community approach. They cover the "
                "key stages of the migration journey, from departure to settling in, and link migrant inclusion with "
                "social cohesion.</p>"
                "<p>Besides the areas presented here, IOM prepares and equips host communities (national and local "
                "administrations, employers, recruiters, trade unions, schools and universities) and eases migrants’ "
                "access to basic services (education, health, housing, social and legal protection), for instance "
                "through one-stop shops and migrant resource centres.</p>"
            ),
            "order": 2,
            "show_in_menu": True,
        },
    },
    {
        "section": "partners:list",
        "slug_fr": "partenariats",
        "fields": {
            "title_fr": "Partenariats",
            "title_en": "Partnerships",
            "slug_en": "partnerships",
            "summary_fr": (
                "La mission spéciale de liaison de l’OIM Paris avec les organisations internationales ayant leur "
                "siège en France."
            ),
            "summary_en": (
                "IOM Paris’s special liaison mission with the international organisations headquartered in France."
            ),
            "body_fr": (
                "<p>En plus de son rôle de liaison avec la France, l’OIM Paris exerce une mission spéciale de liaison "
                "(MSL) avec les organisations internationales qui ont leur siège en France (l’UNESCO, l’OCDE, l’OIF "
                "et la Banque de développement du Conseil de l’Europe à Paris, le Conseil de l’Europe à Strasbourg, "
                "Interpol à Lyon) et avec les missions diplomatiques établies en France.</p>"
                "<p>Avec ces partenaires, l’OIM Paris fait le point des actions menées ou à venir et en propose de "
                "nouvelles. L’objectif : une compréhension commune des migrations et une gestion plus humaine, plus "
                "efficace et plus concertée. (D’après la présentation de la mission par l’OIM Paris, 20 mars "
                "2007.)</p>"
            ),
            "body_en": (
                "<p>Besides its liaison role with France, IOM Paris carries a special liaison mission with the "
                "international organisations headquartered in France (UNESCO, the OECD, the OIF and the Council of "
                "Europe Development Bank in Paris, the Council of Europe in Strasbourg, Interpol in Lyon) and with "
                "the diplomatic missions based in France.</p>"
                "<p>With these partners, IOM Paris reviews the actions carried out or planned and proposes new ones. "
                "The aim: a shared understanding of migration and more humane, effective and concerted management. "
                "(Based on IOM Paris’s presentation of the mission, 20 March 2007.)</p>"
            ),
            "order": 3,
            "show_in_menu": True,
        },
    },
    {
        "section": "offices:list",
        "slug_fr": "ou-nous-travaillons",
        "fields": {
            "title_fr": "Où nous travaillons",
            "title_en": "Where we work",
            "slug_en": "where-we-work",
            "summary_fr": "Les bureaux de l’OIM en France : Paris et Marseille.",
            "summary_en": "IOM’s offices in France: Paris and Marseille.",
            "body_fr": (
                "<p>L’OIM France travaille depuis deux bureaux : Paris, bureau pays chargé aussi de la mission "
                "spéciale de liaison avec les organisations internationales, et Marseille, ouvert en octobre 2007, "
                "qui accueille le Centre d’Information, de Formation et de Rencontres sur les Migrations "
                "(CIFORM).</p>"
            ),
            "body_en": (
                "<p>IOM France works from two offices: Paris, the country office, which also carries the special "
                "liaison mission with international organisations, and Marseille, opened in October 2007, home of "
                "the Centre for Information, Training and Meetings on Migration (CIFORM).</p>"
            ),
            "order": 4,
            "show_in_menu": True,
        },
    },
    {
        "section": "news:list",
        "slug_fr": "actualites",
        "fields": {
            "title_fr": "Actualités",
            "title_en": "News",
            "slug_en": "news",
            "summary_fr": "Les communiqués de presse de l’OIM relayés par l’OIM France.",
            "summary_en": "IOM press releases shared by IOM France.",
            "body_fr": "<p>Les communiqués de presse de l’OIM, du plus récent au plus ancien.</p>",
            "body_en": "<p>IOM press releases, most recent first.</p>",
            "order": 5,
            "show_in_menu": True,
        },
    },
    {
        "slug_fr": "agir",
        "fields": {
            "title_fr": "Agir",
            "title_en": "Get involved",
            "slug_en": "get-involved",
            "summary_fr": "Institutions, associations, professionnels : comment travailler avec l’OIM France.",
            "summary_en": "Institutions, associations, professionals: how to work with IOM France.",
            "body_fr": (
                "<p>L’OIM France travaille avec les institutions, les associations et les autres acteurs français "
                "de la migration, ainsi qu’avec les organisations internationales installées en France. Il existe "
                "plusieurs façons de s’associer à son action.</p>"
                "<h2>Institutions et associations</h2>"
                "<p>Programmes, projets, recherches : l’OIM France construit son action avec des partenaires "
                "nationaux, européens et internationaux. Pour proposer une collaboration, adressez-vous au bureau de "
                "Paris ou de Marseille, dont les coordonnées figurent dans la rubrique « Où nous travaillons ».</p>"
                "<h2>Professionnels de la migration</h2>"
                "<p>À Marseille, le CIFORM propose des formations aux professionnels qui travaillent sur les "
                "migrations et organise des conférences, des ateliers et des réunions ouverts aux différents "
                "acteurs.</p>"
                "<h2>Suivre notre actualité</h2>"
                "<p>Les communiqués de presse de l’OIM sont publiés dans la rubrique « Actualités ».</p>"
            ),
            "body_en": (
                "<p>IOM France works with French institutions, associations and other actors concerned with "
                "migration, and with the international organisations based in France. There are several ways to "
                "take part in its work.</p>"
                "<h2>Institutions and associations</h2>"
                "<p>Programmes, projects, research: IOM France builds its work with national, European and "
                "international partners. To propose a collaboration, contact the Paris or Marseille office; their "
                "details are in the “Where we work” section.</p>"
                "<h2>Migration professionals</h2>"
                "<p>In Marseille, CIFORM offers training to professionals who work on migration and holds "
                "conferences, workshops and meetings open to the various actors.</p>"
                "<h2>Follow our news</h2>"
                "<p>IOM press releases are published in the “News” section.</p>"
            ),
            "order": 6,
            "show_in_menu": True,
        },
    },
    {
        "slug_fr": "donnees-et-recherche",
        "fields": {
            "title_fr": "Données et recherche",
            "title_en": "Data and research",
            "slug_en": "data-and-research",
            "summary_fr": (
                "Les travaux de recherche de l’OIM France et les publications clés de l’OIM sur l’intégration."
            ),
            "summary_en": "IOM France’s research work and IOM’s key publications on integration.",
            "body_fr": (
                "<p>L’OIM Paris contribue au débat scientifique sur les migrations par des rapports, des études, des "
                "recherches et des publications. Ces travaux enrichissent la littérature existante sur des sujets "
                "précis, parmi lesquels :</p>"
                "<ul>"
                "<li>l’accès aux soins de santé pour tous les migrants ;</li>"
                "<li>les populations migrantes vivant avec le VIH/sida ;</li>"
                "<li>la traite des mineurs non accompagnés dans l’Union européenne.</li>"
                "</ul>"
                "<p>Avec l’OIF, l’OIM a publié « Francophonie et Migrations » (OIM, 2002).</p>"
                "<h2>Intégration et cohésion sociale</h2>"
                "<p>Les publications clés de l’OIM sur l’intégration des migrants (en anglais) sont présentées avec "
                "chaque domaine de programme de la rubrique « Notre travail », en particulier « Recherche et analyse "
                "pour l’élaboration des politiques et des programmes ».</p>"
            ),
            "body_en": (
                "<p>IOM Paris contributes to the scientific debate on migration through reports, studies, research "
                "and publications. This work adds to the existing literature on specific topics, among them:</p>"
                "<ul>"
                "<li>access to health care for all migrants;</li>"
                "<li>migrant populations living with HIV/AIDS;</li>"
                "<li>the trafficking of unaccompanied minors in the European Union.</li>"
                "</ul>"
                "<p>Together with the OIF, IOM published <em lang=\"fr\">“Francophonie et Migrations”</em> "
                "(IOM, 2002).</p>"
                "<h2>Integration and social cohesion</h2>"
                "<p>IOM’s key publications on migrant integration (in English) are presented with each programme "
                "area of the “Our work” section, in particular “Research and analysis for policy and programme "
                "development”.</p>"
            ),
            "order": 7,
            "show_in_menu": True,
        },
    },
    {
        "slug_fr": "mentions-legales",
        "fields": {
            "title_fr": "Mentions légales",
            "title_en": "Legal notice",
            "slug_en": "legal-notice",
            "summary_fr": "Éditeur du site, propriété intellectuelle, liens et données personnelles.",
            "summary_en": "Publisher, intellectual property, links and personal data.",
            "body_fr": (
                "<h2>Éditeur</h2>"
                "<p>Ce site est édité par l’OIM France, bureau en France de l’Organisation internationale pour les "
                "migrations (OIM). Le directeur de la publication est le Directeur de l’OIM France.</p>"
                "<h2>Hébergement</h2>"
                "<p>Le nom et l’adresse de l’hébergeur sont indiqués par l’OIM France lors de la mise en ligne du "
                "site ; ils doivent être complétés ici par l’administrateur.</p>"
                "<h2>Propriété intellectuelle</h2>"
                "<p>Les textes, images et documents publiés sur ce site appartiennent à l’OIM ou à leurs auteurs. "
                "Toute reproduction demande l’accord préalable de l’OIM, sauf pour un usage personnel ou une courte "
                "citation mentionnant la source. Les logos des organisations partenaires appartiennent à ces "
                "organisations.</p>"
                "<h2>Liens vers d’autres sites</h2>"
                "<p>Les liens vers des sites extérieurs sont donnés pour information. L’OIM France n’est pas "
                "responsable de leur contenu, qui peut changer ou disparaître.</p>"
                "<h2>Données personnelles et cookies</h2>"
                "<p>La consultation du site ne demande aucune inscription. Les seuls cookies utilisés sont ceux "
                "nécessaires à son fonctionnement (choix de la langue, sécurité des formulaires, connexion à "
                "l’administration). Pour toute question sur vos données, adressez-vous à l’OIM France.</p>"
            ),
            "body_en": (
                "<h2>Publisher</h2>"
                "<p>This website is published by IOM France, the office in France of the International Organization "
                "for Migration (IOM). The publication director is the Director of IOM France.</p>"
                "<h2>Hosting</h2>"
                "<p>The name and address of the hosting provider are given by IOM France when the site goes live; the "
                "administrator must add them here.</p>"
                "<h2>Intellectual property</h2>"
                "<p>The texts, images and documents published on this website belong to IOM or to their authors. "
                "Any reproduction requires IOM’s prior consent, except for personal use or a short quotation "
                "citing the source. The partner organisations’ logos belong to those organisations.</p>"
                "<h2>Links to other websites</h2>"
                "<p>Links to external websites are given for information. IOM France is not responsible for their "
                "content, which may change or disappear.</p>"
                "<h2>Personal data and cookies</h2>"
                "<p>Browsing the site requires no registration. The only cookies used are those the site needs to "
                "work (language choice, form security, signing in to the administration). For any question about "
                "your data, please contact IOM France.</p>"
            ),
            "order": 90,
            "show_in_menu": False,
        },
    },
    {
        "slug_fr": "accessibilite",
        "fields": {
            "title_fr": "Déclaration d’accessibilité",
            "title_en": "Accessibility statement",
            "slug_en": "accessibility",
            "summary_fr": "Accessibilité : non conforme, en cours d’évaluation.",
            "summary_en": "Accessibility: not compliant, assessment under way.",
            "body_fr": (
                "<p>L’OIM France s’engage à rendre son site accessible à tous, conformément au référentiel général "
                "d’amélioration de l’accessibilité (RGAA), version 4.1.</p>"
                "<h2>État de conformité</h2>"
                "<p>Le site de l’OIM France est <strong>non conforme</strong> au RGAA 4.1 : aucun audit de conformité "
                "n’a encore été réalisé. L’évaluation est en cours ; cette déclaration sera mise à jour avec ses "
                "résultats.</p>"
                "<h2>Mesures prévues dès la conception du site</h2>"
                "<ul>"
                "<li>des pages structurées par des titres et des repères de navigation ;</li>"
                "<li>un texte alternatif pour les images qui portent une information ;</li>"
                "<li>des liens dont l’intitulé dit où ils mènent ;</li>"
                "<li>le site entier disponible en français et en anglais, la langue de chaque page étant "
                "indiquée.</li>"
                "</ul>"
                "<h2>Retour d’information et contact</h2>"
                "<p>Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez l’OIM France (voir la "
                "rubrique « Où nous travaillons ») pour être orienté vers une alternative accessible ou obtenir le "
                "contenu sous une autre forme.</p>"
                "<h2>Établissement de cette déclaration</h2>"
                "<p>Cette déclaration a été établie en novembre 2026, à la mise en ligne du site.</p>"
            ),
            "body_en": (
                "<p>IOM France is committed to making its website accessible to everyone, in line with the French "
                "accessibility framework RGAA (<em lang=\"fr\">référentiel général d’amélioration de "
                "l’accessibilité</em>), version 4.1.</p>"
                "<h2>Compliance status</h2>"
                "<p>The IOM France website is <strong>not compliant</strong> with RGAA 4.1: no compliance audit has "
                "been carried out yet. The assessment is under way; this statement will be updated with its "
                "results.</p>"
                "<h2>Measures built into the site’s design</h2>"
                "<ul>"
                "<li>pages structured with headings and navigation landmarks;</li>"
                "<li>alternative text for images that carry information;</li>"
                "<li>link texts that say where they lead;</li>"
                "<li>the whole site available in French and English, with the language of each page declared.</li>"
                "</ul>"
                "<h2>Feedback and contact</h2>"
                "<p>If you cannot access a piece of content or a service, contact IOM France (see the “Where we "
                "work” section) to be directed to an accessible alternative or to get the content in another "
                "form.</p>"
                "<h2>Date of this statement</h2>"
                "<p>This statement was drawn up in November 2026, when the site went live.</p>"
            ),
            "order": 91,
            "show_in_menu": False,
        },
    },
]
