"""The two press releases of the old site.

Quotations stay word for word: the French ones as the French releases print
them; in English, Brunson McKinley's words as IOM's English release printed
them, and Ndioro Ndiaye's translated from the French (said in the text).

Dates: the 2007 release was published by IOM on Thursday 5 July 2007, four
days before the Brussels forum. The 2011 release announces "next week" a
meeting opening on Tuesday 25 October 2011; the old page does not print its
day, so it is dated Friday 21 October 2011, the end of the week before.
"""

import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

MEDIA_CONTACTS = [
    {
        "name": "Maureen Achieng",
        "fields": {
            "given_names": "Maureen",
            "family_name": "Achieng",
            "job_title_fr": "Contact presse, réunion mondiale des processus consultatifs régionaux (OIM)",
            "job_title_en": "Media contact, global meeting of regional consultative processes (IOM)",
            "email": "machieng@iom.int",
            "phone": "+41798297136",
            "order": 10,
            # IOM contact for this release, not a member of the OIM France team.
            "show_on_team_page": False,
        },
    },
]

RELEASES = [
    {
        "slug_fr": "la-migration-cruciale-pour-les-strategies-de-developpement-et-de-reduction-de-la-pauvrete",
        "media_contacts": [],
        "links": [],
        "fields": {
            "title_fr": (
                "La migration revêt une importance cruciale pour le succès des stratégies de développement et de "
                "réduction de la pauvreté"
            ),
            "title_en": "Migration crucial to success of development and poverty reduction strategies",
            "slug_en": "migration-crucial-to-development-and-poverty-reduction-strategies",
            "publication_date": datetime.datetime(2007, 7, 5, 16, 0, tzinfo=PARIS),
            "dateline_fr": "Bruxelles",
            "dateline_en": "Brussels",
            "lead_fr": (
                "À la veille de la première réunion intergouvernementale du Forum mondial sur la migration et le "
                "développement, à Bruxelles du 9 au 12 juillet 2007, l’OIM demande que la migration soit intégrée "
                "de façon systématique aux stratégies de réduction de la pauvreté et que les diasporas prêtes à "
                "contribuer au développement de leur pays d’origine soient mieux soutenues."
            ),
            "lead_en": (
                "On the eve of the first intergovernmental meeting of the Global Forum on Migration and Development, "
                "in Brussels from 9 to 12 July 2007, IOM is calling for migration to be systematically built into "
                "poverty reduction strategies and for better support to diasporas willing to contribute to the "
                "development of their countries of origin."
            ),
            "body_fr": (
                "<p>Pour que la migration serve réellement le développement, l’OIM estime qu’il faut aussi renforcer "
                "la capacité des États à cerner les tendances et les manques de leur marché du travail, et préparer "
                "ainsi une migration de main-d’œuvre sûre et planifiée.</p>"
                "<p>Le Forum mondial, qui se tient à Bruxelles du 9 au 12 juillet, est pour l’OIM l’occasion de "
                "recenser les bonnes pratiques et des pistes concrètes, dans le prolongement du Dialogue de haut "
                "niveau sur les migrations internationales et le développement tenu à l’Assemblée générale des "
                "Nations Unies en septembre 2006.</p>"
                "<blockquote><p>« L’OIM favorise et appuie le dialogue gouvernemental sur les questions de migration "
                "et de développement à l’échelle mondiale. Mais il faut que le dialogue débouche sur l’action. Les "
                "moyens de renforcer de manière tangible et concrète les liens mutuellement bénéfiques entre "
                "migration et développement doivent être définis par un partenariat dynamique entre les Etats, les "
                "organisations internationales, la société civile et le secteur privé, de manière à faire de la "
                "migration un puissant moteur de développement à la fois dans les pays d’origine et dans les pays "
                "d’accueil. »</p><p>— Brunson McKinley, Directeur général de l’OIM</p></blockquote>"
                "<h2>Associer tous les acteurs</h2>"
                "<p>Beaucoup de pays participants n’ont ni politique migratoire globale ni les mécanismes pour en "
                "bâtir une qui protège aussi les droits humains des migrants et leur épanouissement. Réunir les "
                "acteurs de la migration et ceux du développement est une des clés pour y parvenir.</p>"
                "<h2>Le potentiel des diasporas</h2>"
                "<p>Les diasporas sont souvent oubliées dans l’équation du développement, alors qu’elles ont beaucoup "
                "à apporter.</p>"
                "<blockquote><p>« La plupart des migrants sont désireux d’investir une partie de leur épargne, ainsi "
                "que leurs compétences et leur savoir-faire dans le développement de leur pays d’origine. Trop "
                "fréquemment, malheureusement, leur bonne volonté se trouve désarmée par le simple fait qu’ils ne "
                "savent pas comment s’y prendre. Si l’on trouve le moyen de mieux mettre leur apport à profit, non "
                "seulement nous en ferons des agents efficaces du développement, mais nous leur permettrons en outre "
                "de jouer un rôle crucial dans la réalisation des Objectifs du Millénaire pour le développement "
                "(OMD). »</p><p>— Ndioro Ndiaye, Directeur général adjoint de l’OIM</p></blockquote>"
                "<p>Avec des programmes comme MIDA (Migrations pour le développement en Afrique), l’OIM a mobilisé "
                "des membres de diasporas pour le développement de leur pays d’origine. Les plateformes de dialogue "
                "qu’elle a parrainées entre communautés africaines expatriées, pays d’origine et pays de destination "
                "ont montré qu’il fallait aider les migrants à se faire entendre des institutions financières et des "
                "dispositifs de microcrédit, pour que les fonds circulent davantage. Ces dialogues ont aussi fait "
                "apparaître des possibilités d’investissement dans les pays d’origine, pour un usage plus productif "
                "des fonds envoyés.</p>"
                "<p>Selon l’OIM, des programmes et des approches de ce type devraient faire partie de politiques "
                "migratoires globales, afin de limiter les effets de la fuite des cerveaux sur les pays en "
                "développement et de favoriser la migration circulaire.</p>"
                "<h2>Les dialogues régionaux</h2>"
                "<p>Appuyés par le réseau mondial de l’OIM, les dialogues intergouvernementaux régionaux sur la "
                "migration peuvent beaucoup pour rendre politiques et programmes plus cohérents. En Asie, par "
                "exemple, les ministres du travail des pays d’origine de main-d’œuvre ont lancé le processus de "
                "Colombo, pour mettre les marchés du travail à l’étranger au service du développement.</p>"
                "<h2>Le soutien de l’OIM au Forum</h2>"
                "<p>Au premier semestre 2007, l’OIM a mis son savoir-faire à la disposition des organisateurs du "
                "Forum et de nombreux États participants, directement ou par sa présidence du Groupe mondial sur la "
                "migration (GMG), qui réunit dix institutions intergouvernementales.</p>"
                "<p>Elle a aussi répondu à plusieurs gouvernements qui demandaient une assistance technique et un "
                "renforcement de leurs capacités, à propos d’un « marché » parallèle où les États qui cherchent une "
                "aide et ceux qui ont des services à proposer pourraient se rencontrer et nouer des "
                "partenariats.</p>"
                "<p>L’OIM est prête à accompagner les États dans le suivi de cette première réunion du Forum mondial, "
                "et à soutenir le Gouvernement philippin, qui a proposé d’accueillir la réunion suivante, ainsi que "
                "tous les États qui veulent que ce forum ait une suite.</p>"
            ),
            "body_en": (
                "<p>For migration to truly serve development, IOM believes States also need stronger means to "
                "identify the trends and gaps of their labour markets, paving the way for safe and planned labour "
                "migration.</p>"
                "<p>IOM sees the Global Forum, held in Brussels from 9 to 12 July, as a chance to take stock of good "
                "practices and concrete ways forward, building on the High-Level Dialogue on International Migration "
                "and Development held at the United Nations General Assembly in September 2006.</p>"
                "<blockquote><p>“IOM promotes and supports global governmental dialogue on migration and development "
                "issues. But dialogue must lead to action. Tangible, result-oriented ways of strengthening the "
                "mutually beneficial links between migration and development need to be defined through dynamic "
                "partnerships between States, international organizations, civil society and the private sector in "
                "order to make migration a potent force for the development of both home and host countries.”</p>"
                "<p>— Brunson McKinley, IOM Director General</p></blockquote>"
                "<h2>Bringing all actors together</h2>"
                "<p>Many participating countries have neither a comprehensive migration policy nor the mechanisms to "
                "build one that also protects migrants’ human rights and personal development. Bringing together "
                "the actors of migration and of development is one of the keys to getting there.</p>"
                "<h2>The potential of diasporas</h2>"
                "<p>Diasporas are often left out of the development equation, although they have a great deal to "
                "offer.</p>"
                "<blockquote><p>“Most migrants are keen to invest part of their savings, as well as their skills and "
                "know-how, in the development of their home country. All too often, sadly, their goodwill is "
                "defeated simply because they do not know how to go about it. If we find ways to make better use of "
                "what they bring, we will not only turn them into effective agents of development, we will also "
                "enable them to play a crucial role in achieving the Millennium Development Goals (MDGs).”</p>"
                "<p>— Ndioro Ndiaye, IOM Deputy Director General (translated from the French release)</p>"
                "</blockquote>"
                "<p>Through programmes such as MIDA (Migration for Development in Africa), IOM has mobilised members "
                "of diasporas for the development of their countries of origin. The dialogue platforms it sponsored "
                "between African expatriate communities and countries of origin and destination showed the need to "
                "help migrants gain a hearing from financial institutions and micro-credit schemes, so that more "
                "funds circulate. These dialogues also identified investment opportunities in countries of origin, "
                "for a more productive use of remittances.</p>"
                "<p>According to IOM, programmes and approaches of this kind should be part of comprehensive "
                "migration policies, to limit the effects of brain drain on developing countries and to encourage "
                "circular migration.</p>"
                "<h2>Regional dialogues</h2>"
                "<p>Backed by IOM’s global network, regional intergovernmental dialogues on migration can do much "
                "to make policies and programmes more coherent. In Asia, for instance, the labour ministers of "
                "labour-sending countries set up the Colombo Process, to put overseas labour markets to work for "
                "development.</p>"
                "<h2>IOM’s support to the Forum</h2>"
                "<p>In the first half of 2007, IOM put its expertise at the disposal of the Forum’s organisers and "
                "of many participating States, directly or through its chairing of the Global Migration Group (GMG), "
                "which brings together ten intergovernmental agencies.</p>"
                "<p>It also responded to several governments asking for technical assistance and capacity-building, "
                "regarding a parallel “marketplace” where States seeking help and those with services to offer could "
                "meet and form partnerships.</p>"
                "<p>IOM stands ready to work with States on the follow-up to this first meeting of the Global Forum, "
                "and to support the Government of the Philippines, which offered to host the next meeting, as well "
                "as all the States that want this forum to have a future.</p>"
            ),
        },
    },
    {
        "slug_fr": "le-botswana-organise-un-forum-mondial-sur-la-migration",
        "media_contacts": ["Maureen Achieng"],
        "links": [
            {
                "label_fr": "Processus consultatifs régionaux",
                "label_en": "Regional Consultative Processes",
                "url": "http://www.iom.int/jahia/Jahia/regional-consultative-processes/lang/en",
            },
            {
                "label_fr": (
                    "Renforcement de la coopération sur les migrations à travers le dialogue et le renforcement des "
                    "capacités"
                ),
                "label_en": "Enhancing Cooperation on Migration through Dialogue and Capacity Building",
                "url": "https://www.iom.int/2011-global-iscm-consultation",
            },
        ],
        "fields": {
            "title_fr": "Le Botswana organise un forum mondial sur la migration",
            "title_en": "Botswana hosts global meeting on migration",
            "slug_en": "botswana-hosts-global-meeting-on-migration",
            "publication_date": datetime.datetime(2011, 10, 21, 12, 0, tzinfo=PARIS),
            "dateline_fr": "Gaborone",
            "dateline_en": "Gaborone",
            "lead_fr": (
                "La semaine prochaine, à Gaborone, capitale du Botswana, des instances régionales du monde entier "
                "qui travaillent sur la coopération entre États se réunissent pour partager leurs bonnes pratiques "
                "et leurs approches efficaces des migrations."
            ),
            "lead_en": (
                "Next week in Gaborone, the capital of Botswana, regional bodies from around the world that work on "
                "cooperation between States will meet to share good practices and effective approaches to "
                "migration."
            ),
            "body_fr": (
                "<p>La réunion, qui dure deux jours et s’ouvre le 25 octobre 2011, est la troisième de ce type, "
                "après celles de 2005 et de 2009. Elle rassemble presque tous les dialogues régionaux sur la "
                "migration, appelés processus consultatifs régionaux (PCR), afin qu’ils travaillent davantage "
                "ensemble et que la coopération entre États progresse sur la migration et sur les domaines voisins "
                "qui comptent beaucoup pour le développement.</p>"
                "<h2>Ce que sont les PCR</h2>"
                "<p>Les PCR aident les pays à explorer les liens entre la migration et les politiques voisines : ils "
                "éclairent les possibilités qu’offrent la migration de main-d’œuvre et une plus grande diversité "
                "culturelle, et les difficultés touchant par exemple à la protection sociale et à la protection "
                "minimale des droits de l’homme.</p>"
                "<p>Informels et non contraignants, les PCR n’en sont pas moins des ressources concrètes pour "
                "échanger des informations, partager des connaissances et élaborer des politiques, grâce à des "
                "consultations régulières et parfois à des bases de données communes. Ils rapprochent les points "
                "de vue des pays d’origine, de transit et de destination sur des questions migratoires complexes, "
                "et contribuent ainsi à des politiques et des pratiques migratoires cohérentes.</p>"
                "<p>Les liens entre migration et développement tiennent une place croissante dans leurs travaux. Le "
                "programme de la réunion fera donc une large place aux cadres de coopération internationale plus "
                "étroite, comme le Dialogue de haut niveau des Nations Unies sur les migrations internationales et le "
                "développement et le Forum mondial sur la migration et le développement (GFMD en anglais).</p>"
                "<h2>Organisation</h2>"
                "<p>Intitulée « Renforcer la coopération sur les migrations par le biais du dialogue et du "
                "renforcement de capacités », la réunion est organisée par le Gouvernement du Botswana avec l’OIM. "
                "Elle sera ouverte par le Ministre des affaires intérieures et par William Lacy Swing, Directeur "
                "général de l’OIM.</p>"
                "<p>La consultation de 2011 est soutenue par les gouvernements australien, suisse et américain. Elle "
                "réunit 90 participants : des représentants de PCR venus de 17 pays, ainsi que de nombreux "
                "partenaires, observateurs et experts d’entités régionales et interrégionales et d’organisations "
                "internationales.</p>"
            ),
            "body_en": (
                "<p>The two-day meeting, which opens on 25 October 2011, is the third of its kind, after those of "
                "2005 and 2009. It brings together nearly all the regional dialogues on migration, known as Regional "
                "Consultative Processes (RCPs), so that they work more closely together and cooperation between "
                "States moves forward on migration and on related fields that matter greatly for "
                "development.</p>"
                "<h2>What RCPs are</h2>"
                "<p>RCPs help countries explore the links between migration and neighbouring policies: they shed "
                "light on the opportunities of labour migration and greater cultural diversity, and on the "
                "difficulties raised for instance by social welfare and the minimum protection of human "
                "rights.</p>"
                "<p>Informal and non-binding, RCPs are nonetheless concrete resources for exchanging information, "
                "sharing knowledge and developing policies, through regular consultation and sometimes common "
                "databases. They bring the views of countries of origin, transit and destination closer on complex "
                "migration questions, and so contribute to coherent migration policies and practices.</p>"
                "<p>The links between migration and development have a growing place in their work. The meeting’s "
                "programme will therefore give wide room to broader international cooperation forums, such as the "
                "United Nations High-Level Dialogue on International Migration and Development and the Global Forum "
                "on Migration and Development (GFMD).</p>"
                "<h2>Organisation</h2>"
                "<p>Titled “Enhancing Cooperation on Migration through Dialogue and Capacity Building”, the meeting "
                "is hosted by the Government of Botswana in collaboration with IOM. It will be opened by the Minister "
                "of Home Affairs and by William Lacy Swing, IOM Director General.</p>"
                "<p>The 2011 consultation is supported by the governments of Australia, Switzerland and the United "
                "States. It brings together 90 participants: representatives of RCPs from 17 countries, as well as "
                "many partners, observers and experts from regional and interregional bodies and international "
                "organisations.</p>"
            ),
        },
    },
]
