import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.models import Status
from library.models import Document
from library.models import Image as LibraryImage
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


class LibraryImageFactory(DjangoModelFactory):
    """A library image; ``file`` is an upload (tests pass png_upload(...))."""

    class Meta:
        model = LibraryImage

    title = factory.Sequence(lambda n: f"Image {n}")


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Document {n}")


def in_library(kwargs, field, decorative_field=None, credit_field=None):
    """Content factories take a plain upload for their image, as the old image fields did: it goes to the library."""
    upload = kwargs.get(field)
    if upload is not None and not isinstance(upload, LibraryImage):
        extra = {}
        if decorative_field:
            extra["decorative"] = kwargs.pop(decorative_field, False)
        for code in ("fr", "en"):
            if credit_field and f"{credit_field}_{code}" in kwargs:
                extra[f"credit_{code}"] = kwargs.pop(f"{credit_field}_{code}")
        kwargs[field] = LibraryImageFactory(file=upload, **extra)
    return kwargs


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

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return in_library(kwargs, "logo", "logo_decorative")


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

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        upload = kwargs.pop("file", None)
        if upload is not None:
            kwargs["document"] = DocumentFactory(file=upload)
        return kwargs


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

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return in_library(kwargs, "image", "image_decorative", "image_credit")

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


def pdf_bytes(size=0):
    """A real one-page PDF (pypdf reads it), padded with a content stream of spaces up to about ``size`` bytes."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    if size:
        stream = StreamObject()
        stream.set_data(b" " * max(0, size - 900))
        page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name="rapport.pdf", size=0):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, pdf_bytes(size), content_type="application/pdf")
