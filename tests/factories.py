import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.models import Status
from news.models import NewsRelease, RelatedLink
from offices.models import ActivityDomain, Office, Person, split_name
from pages.models import Page
from partners.models import Partner, PartnerKind
from programmes.models import ProgrammeArea, Project, Publication

PASSWORD = "correct horse battery staple"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if names:
            self.groups.set(Group.objects.filter(name__in=names))
        self.save()


class PublishedFactory(DjangoModelFactory):
    status = Status.PUBLISHED
    publication_date = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))


class PageFactory(PublishedFactory):
    class Meta:
        model = Page

    title_fr = factory.Sequence(lambda n: f"Page numéro {n}")
    title_en = factory.Sequence(lambda n: f"Page number {n}")
    body_fr = "<p>Contenu de la page.</p>"
    body_en = "<p>Page content.</p>"


class OfficeFactory(PublishedFactory):
    class Meta:
        model = Office

    name_fr = factory.Sequence(lambda n: f"Bureau {n}")
    name_en = factory.Sequence(lambda n: f"Office {n}")
    city_fr = "Paris"
    city_en = "Paris"
    address_fr = "11 rue de Paris"
    phone = "+33140440640"
    email = "paris@example.org"


class ActivityDomainFactory(DjangoModelFactory):
    class Meta:
        model = ActivityDomain

    office = factory.SubFactory(OfficeFactory)
    title_fr = factory.Sequence(lambda n: f"Domaine {n}")
    title_en = factory.Sequence(lambda n: f"Domain {n}")


class PersonFactory(PublishedFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="fr_FR")
    # As an editor fills them: the parts of the name, for the vCard and the structured data.
    given_names = factory.LazyAttribute(lambda person: split_name(person.name)[0])
    family_name = factory.LazyAttribute(lambda person: split_name(person.name)[1])
    job_title_fr = "Chargée de communication"
    job_title_en = "Communications officer"
    office = factory.SubFactory(OfficeFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "+33140440640"


class PartnerFactory(PublishedFactory):
    class Meta:
        model = Partner

    name_fr = factory.Sequence(lambda n: f"Organisation partenaire {n}")
    name_en = factory.Sequence(lambda n: f"Partner organisation {n}")
    acronym_fr = factory.Sequence(lambda n: f"OP{n}")
    kind = PartnerKind.INTERGOVERNMENTAL
    headquarters_city_fr = "Paris"
    website = "https://example.org/"
    summary_fr = "Résumé de la coopération."
    summary_en = "Summary of the cooperation."


class ProgrammeAreaFactory(PublishedFactory):
    class Meta:
        model = ProgrammeArea

    title_fr = factory.Sequence(lambda n: f"Domaine de programme {n}")
    title_en = factory.Sequence(lambda n: f"Programme area {n}")
    summary_fr = "Résumé du domaine."
    summary_en = "Summary of the area."


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    area = factory.SubFactory(ProgrammeAreaFactory)
    name_fr = factory.Sequence(lambda n: f"Projet {n}")
    name_en = factory.Sequence(lambda n: f"Project {n}")
    acronym = factory.Sequence(lambda n: f"P{n}")


class PublicationFactory(DjangoModelFactory):
    class Meta:
        model = Publication

    area = factory.SubFactory(ProgrammeAreaFactory)
    title_fr = factory.Sequence(lambda n: f"Publication {n}")
    title_en = factory.Sequence(lambda n: f"Publication {n} (EN)")
    year = 2020
    language = "en"
    url = "https://publications.iom.int/"


class NewsReleaseFactory(PublishedFactory):
    class Meta:
        model = NewsRelease
        skip_postgeneration_save = True

    title_fr = factory.Sequence(lambda n: f"Communiqué de presse numéro {n}")
    title_en = factory.Sequence(lambda n: f"Press release number {n}")
    dateline_fr = "Genève"
    dateline_en = "Geneva"
    lead_fr = "Chapeau du communiqué."
    lead_en = "Lead of the release."
    body_fr = "<p>Texte du communiqué.</p>"
    body_en = "<p>Text of the release.</p>"

    @factory.post_generation
    def programme_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.programme_areas.set(extracted)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def media_contacts(self, create, extracted, **kwargs):
        if create and extracted:
            self.media_contacts.set(extracted)


class RelatedLinkFactory(DjangoModelFactory):
    class Meta:
        model = RelatedLink

    release = factory.SubFactory(NewsReleaseFactory)
    label_fr = "Site de l’OIM"
    label_en = "IOM website"
    url = "https://www.iom.int/"
