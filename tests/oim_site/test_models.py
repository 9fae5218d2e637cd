from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import override

from core.models import Status
from news.models import NewsRelease
from offices.models import Person
from pages.models import Page
from programmes.models import Publication
from tests.factories import (
    NewsReleaseFactory,
    OfficeFactory,
    PageFactory,
    PartnerFactory,
    PersonFactory,
    ProgrammeAreaFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Texte<script>alert("x")</script></p>'
    '<img src="x.png" alt="x" onerror="alert(1)">'
    '<a href="javascript:alert(1)">lien piégé</a>'
    '<a href="JaVaScRiPt:alert(2)">lien piégé 2</a>'
)


def assert_clean(html):
    lowered = html.lower()
    assert "<script" not in lowered
    assert "onerror" not in lowered
    assert "javascript:" not in lowered


class TestPublishedQuerySet:
    def test_draft_is_not_published(self):
        NewsReleaseFactory(status=Status.DRAFT)
        assert NewsRelease.objects.published().count() == 0

    def test_scheduled_release_is_hidden_until_its_date(self):
        release = NewsReleaseFactory(publication_date=timezone.now() + timedelta(hours=2))
        assert release.is_scheduled and not release.is_published
        assert not NewsRelease.objects.published().exists()
        NewsRelease.objects.filter(pk=release.pk).update(publication_date=timezone.now() - timedelta(seconds=1))
        assert list(NewsRelease.objects.published()) == [release]

    @pytest.mark.parametrize("factory", [PageFactory, PartnerFactory, OfficeFactory, ProgrammeAreaFactory])
    def test_every_publishable_model_shares_the_rule(self, factory):
        visible = factory()
        factory(status=Status.DRAFT)
        factory(publication_date=timezone.now() + timedelta(days=1))
        assert list(type(visible).objects.published()) == [visible]


class TestSlugs:
    def test_slugs_are_made_per_language_from_the_titles(self):
        release = NewsReleaseFactory(title_fr="Réinstallation des réfugiés", title_en="Refugee resettlement")
        assert release.slug_fr == "reinstallation-des-refugies"
        assert release.slug_en == "refugee-resettlement"
        with override("en"):
            assert release.get_absolute_url().endswith("/refugee-resettlement/")
        with override("fr"):
            assert release.get_absolute_url().endswith("/reinstallation-des-refugies/")

    def test_english_slug_falls_back_to_french_when_there_is_no_english(self):
        page = PageFactory(title_fr="Mentions légales", title_en="", body_en="")
        assert page.slug_en == page.slug_fr == "mentions-legales"

    def test_english_text_falls_back_to_french(self):
        page = PageFactory(title_fr="Accessibilité", title_en="")
        with override("en"):
            assert Page.objects.get(pk=page.pk).title == "Accessibilité"


class TestSanitisation:
    @pytest.mark.parametrize("language", ["fr", "en"])
    def test_hostile_markup_never_survives_a_save(self, language):
        release = NewsReleaseFactory(**{f"body_{language}": HOSTILE})
        release.refresh_from_db()
        stored = getattr(release, f"body_{language}")
        assert_clean(stored)
        assert "Texte" in stored and "lien piégé" in stored

    def test_queryset_update_is_sanitised_too(self):
        page = PageFactory()
        Page.objects.filter(pk=page.pk).update(body_fr=HOSTILE, body_en=HOSTILE)
        page.refresh_from_db()
        assert_clean(page.body_fr)
        assert_clean(page.body_en)

    def test_bulk_create_is_sanitised(self):
        Page.objects.bulk_create([Page(title_fr="A", slug_fr="a", slug_en="a", body_fr=HOSTILE, body_en=HOSTILE)])
        page = Page.objects.get(slug_fr="a")
        assert_clean(page.body_fr)
        assert_clean(page.body_en)

    def test_allowed_markup_is_kept(self):
        html = '<h2>Titre</h2><p><strong>Gras</strong> <a href="https://www.iom.int/">OIM</a></p><ul><li>un</li></ul>'
        page = PageFactory(body_fr=html)
        page.refresh_from_db()
        assert "<h2>Titre</h2>" in page.body_fr
        assert 'href="https://www.iom.int/"' in page.body_fr
        assert "<li>un</li>" in page.body_fr


class TestValidation:
    def test_french_title_is_required(self):
        release = NewsRelease(title_fr="", title_en="Only English")
        with pytest.raises(ValidationError) as excinfo:
            release.full_clean()
        assert "title_fr" in excinfo.value.message_dict

    def test_english_is_optional(self):
        NewsRelease(title_fr="Seulement en français").full_clean()

    def test_phone_numbers_are_stored_in_international_format(self):
        person = PersonFactory.build(phone="01 40 44 06 40")
        person.office.save()
        person.full_clean()
        assert person.phone == "+33140440640"

    @pytest.mark.parametrize("phone", ["12", "not a phone", "+33 1 23"])
    def test_invalid_phone_numbers_are_refused_with_a_message(self, phone):
        person = Person(name="X", phone=phone)
        with pytest.raises(ValidationError) as excinfo:
            person.full_clean()
        assert "n’est pas un numéro de téléphone valide" in str(excinfo.value.message_dict["phone"])

    def test_invalid_email_and_url_are_refused(self):
        partner = PartnerFactory.build(website="pas une adresse")
        person = Person(name="X", email="pas-un-email")
        with pytest.raises(ValidationError) as excinfo:
            partner.full_clean()
        assert "website" in excinfo.value.message_dict
        with pytest.raises(ValidationError) as excinfo:
            person.full_clean()
        assert "email" in excinfo.value.message_dict

    def test_publication_needs_a_link_or_a_file(self):
        area = ProgrammeAreaFactory()
        with pytest.raises(ValidationError, match="lien externe ou choisissez un document"):
            Publication(area=area, title_fr="Rapport", year=2020).full_clean()

    def test_messages_exist_in_english(self):
        person = Person(name="X", phone="12")
        with override("en"):
            with pytest.raises(ValidationError) as excinfo:
                person.full_clean()
            assert "is not a valid phone number" in str(excinfo.value.message_dict["phone"])
